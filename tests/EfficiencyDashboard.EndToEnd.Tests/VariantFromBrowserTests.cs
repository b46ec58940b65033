using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class VariantFromBrowserTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task An_engineer_makes_an_int8_variant_from_the_models_page_and_sees_it_in_the_catalog()
    {
        var page = await browser.OpenAsync("/models");
        var rowsBefore = await page.Locator("[data-testid=models-table] tr[data-model-id]").CountAsync();
        await page.ClickAsync("[data-testid=models-table] tr:has-text('MobileNetV2 1.0') [data-testid=model-link]");
        await page.WaitForSelectorAsync("[data-testid=variant-form]");

        await page.ClickAsync("[data-testid=variant-create]");

        await page.WaitForSelectorAsync("[data-testid=variant-job][data-status=succeeded]", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync(
            $"() => document.querySelectorAll('[data-testid=models-table] tr[data-model-id]').length > {rowsBefore}",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Contains("int8-static", await page.InnerTextAsync("[data-testid=models-table]"));
    }
}
