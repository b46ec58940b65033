using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Runner.ModelBuilding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EfficiencyDashboard.EndToEnd.Tests;

public sealed class ModelsPageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const string Rows = "[data-testid=models-table] tbody tr[data-model-id]";
    // MudFileUpload keeps earlier inputs (hidden with d-none) while a file is chosen; the active one takes the next file.
    private const string FileInput = "input[type=file][data-testid=upload-file]:not(.d-none)";
    private static readonly PageWaitForSelectorOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task The_catalog_lists_the_built_in_models_and_a_selected_model_shows_its_operators()
    {
        var page = await browser.OpenAsync("/models");
        await page.WaitForSelectorAsync(Rows);

        var names = await page.Locator($"{Rows} [data-testid=model-link]").AllInnerTextsAsync();
        await page.ClickAsync($"{Rows}:has-text('MobileNetV2 1.0 (generated)') [data-testid=model-link]");
        await page.WaitForSelectorAsync("[data-testid=model-details] [data-testid=operator-histogram] .js-plotly-plot .trace.bars path", Long);

        Assert.Contains("MobileNetV2 1.0 (generated)", names);
        Assert.Contains("ResNet-18 (pretrained)", names);
        Assert.Contains("modelId=", page.Url);
        Assert.Contains("Conv", await page.InnerTextAsync("[data-testid=operator-macs]"));
        Assert.Contains("torchvision's MobileNetV2", await page.InnerTextAsync("[data-testid=model-provenance]"));
        var lineage = await page.InnerTextAsync("[data-testid=lineage-tree]");
        Assert.Contains("MobileNetV2 1.0 (generated)", lineage);
        Assert.Contains("ResNet-18 (pretrained)", lineage);
    }

    [Fact]
    public async Task An_engineer_uploads_a_model_and_a_garbage_file_is_refused_next_to_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("models-page-");
        var tinyMlp = Path.Combine(directory.FullName, "tiny-mlp.onnx");
        var garbage = Path.Combine(directory.FullName, "garbage.onnx");
        await File.WriteAllBytesAsync(tinyMlp, GeneratedModels.TinyMlp());
        await File.WriteAllTextAsync(garbage, "this is not a protobuf graph at all");
        var page = await browser.OpenAsync("/models");
        await page.WaitForSelectorAsync(Rows);
        var rowsBefore = await page.Locator(Rows).CountAsync();

        await page.SetInputFilesAsync(FileInput, tinyMlp);
        await page.FillAsync("[data-testid=upload-name] input", "Browser tiny MLP");
        await page.ClickAsync("[data-testid=upload-submit]");
        await page.WaitForSelectorAsync($"{Rows}:has-text('Browser tiny MLP')", Long);
        await page.WaitForSelectorAsync("[data-testid=model-details] [data-testid=operator-histogram] .js-plotly-plot .trace.bars path", Long);
        var rowsAfterUpload = await page.Locator(Rows).CountAsync();

        await page.SetInputFilesAsync(FileInput, garbage);
        await page.ClickAsync("[data-testid=upload-submit]");
        var error = await page.WaitForSelectorAsync("[data-testid=upload-error][data-field=file]", Long);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "models.png"), FullPage = true });

        Assert.Equal(rowsBefore + 1, rowsAfterUpload);
        Assert.Contains("Browser tiny MLP", await page.InnerTextAsync("[data-testid=model-details] h2"));
        Assert.Contains("MatMul", await page.InnerTextAsync("[data-testid=operator-macs]"));
        Assert.Contains("Not a model ONNX Runtime can run", await error!.InnerTextAsync());
        Assert.Equal(rowsAfterUpload, await page.Locator(Rows).CountAsync());
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_dynamic_dimension_is_asked_for_and_the_chosen_file_is_kept_for_the_next_try()
    {
        var directory = Directory.CreateTempSubdirectory("models-page-");
        var encoder = Path.Combine(directory.FullName, "tiny-encoder.onnx");
        var config = new TransformerConfig(Layers: 1, Hidden: 32, Heads: 2, FeedForward: 64, VocabularySize: 100, MaxPositions: 64, HasPooler: false);
        await File.WriteAllBytesAsync(encoder, GeneratedModels.BertEncoder(config));
        var page = await browser.OpenAsync("/models");
        await page.WaitForSelectorAsync(Rows);

        await page.SetInputFilesAsync(FileInput, encoder);
        await page.FillAsync("[data-testid=upload-name] input", "Browser tiny encoder");
        await page.ClickAsync("[data-testid=upload-submit]");
        var asked = await page.WaitForSelectorAsync("[data-testid=upload-error][data-field=inputShapes]", Long);
        var question = await page.InnerTextAsync("[data-testid=upload-shapes] .mud-input-helper-text");
        var keptFile = await asked!.InnerTextAsync();
        await page.FillAsync("[data-testid=upload-shapes] textarea", """{"input_ids": [1, 16], "attention_mask": [1, 16], "token_type_ids": [1, 16]}""");
        await page.ClickAsync("[data-testid=upload-submit]");
        await page.WaitForSelectorAsync($"{Rows}:has-text('Browser tiny encoder')", Long);

        Assert.Contains("sequence", question);
        Assert.Contains("tiny-encoder.onnx is still chosen", keptFile);
        Assert.Contains("input_ids [1, 16]", await page.InnerTextAsync("[data-testid=model-details] [data-fact=default-input-shapes]"));
        Assert.Equal(0, await page.Locator("[data-testid=upload-error]").CountAsync());
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task An_engineer_corrects_a_models_task_and_it_is_marked_as_set_by_an_engineer()
    {
        var page = await browser.OpenAsync("/models");
        await page.WaitForSelectorAsync(Rows);
        await page.ClickAsync($"{Rows}:has-text('ResNet-18 (pretrained)') [data-testid=model-link]");
        await page.WaitForSelectorAsync("[data-testid=model-details]");

        await page.FillAsync("[data-testid=classify-task] input", "image embedding");
        await page.ClickAsync("[data-testid=classify-save]");
        await page.WaitForSelectorAsync("[data-testid=classified-by-engineer]");

        Assert.Contains("image embedding", await page.InnerTextAsync($"{Rows}:has-text('ResNet-18 (pretrained)')"));
    }

    [Fact]
    public async Task Variants_sit_under_their_parent_and_distilled_students_under_their_teacher()
    {
        var (parent, variant, teacher, student) = await AddLineageAsync();
        var page = await browser.OpenAsync($"/models?modelId={variant}");
        await page.WaitForSelectorAsync("[data-testid=model-details] [data-testid=fidelity]");
        var variantRow = await page.InnerTextAsync($"{Rows}[data-model-id='{variant}']");
        var fidelity = await page.InnerTextAsync("[data-testid=model-details] [data-testid=model-quality]");

        await page.ClickAsync($"[data-testid=lineage-tree] [data-model-id='{student}'] .mud-treeview-item-content");
        await page.WaitForSelectorAsync($"[data-testid=model-details][data-model-id='{student}']");
        var reference = await page.InnerTextAsync("[data-testid=model-details] [data-testid=reference-quality]");

        Assert.Contains("int8-dynamic of MobileNetV2 1.0 (generated)", variantRow);
        Assert.Contains("cosine 0.9990, top-1 97%", variantRow);
        Assert.Contains("Cosine similarity (measured)", fidelity);
        Assert.Contains("0.9990", fidelity);
        Assert.Equal(1, await page.Locator($"[data-testid=lineage-tree] [data-model-id='{parent}'] [data-model-id='{variant}']").CountAsync());
        Assert.Equal(1, await page.Locator($"[data-testid=lineage-tree] [data-model-id='{teacher}'] [data-model-id='{student}']").CountAsync());
        Assert.Contains("int8-dynamic", await page.InnerTextAsync($"[data-testid=lineage-tree] [data-model-id='{variant}']"));
        Assert.Contains("distilled student", await page.InnerTextAsync($"[data-testid=lineage-tree] [data-model-id='{student}']"));
        Assert.Contains("reference (published)", reference);
        Assert.Contains("Published in a test fixture", reference);
        Assert.Contains($"modelId={student}", page.Url);
    }

    /// <summary>
    /// Catalog rows that stand for a derived variant and a distilled student; the small test catalog builds neither.
    /// They reuse the parent's and teacher's files, as the page reads only the catalog.
    /// </summary>
    private async Task<(int Parent, int Variant, int Teacher, int Student)> AddLineageAsync()
    {
        var dbFactory = browser.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var parent = await db.Models.SingleAsync(m => m.Key == "mobilenetv2-1.0-generated");
        var teacher = await db.Models.SingleAsync(m => m.Key == "resnet18-pretrained");
        var variant = Copy(parent, "MobileNetV2 1.0 int8 (test lineage)");
        variant.ParentId = parent.Id;
        variant.Technique = Technique.Int8Dynamic;
        variant.Fidelity = new FidelityReport(0.999, 0.05, 0.004, 0.97, null, 64, "64 procedural images", DateTime.UtcNow);
        var student = Copy(teacher, "ResNet-18 student (test lineage)");
        student.TeacherId = teacher.Id;
        student.Technique = Technique.Distilled;
        student.ReferenceQuality = "Published in a test fixture: 95% of the teacher's accuracy.";
        db.Models.AddRange(variant, student);
        await db.SaveChangesAsync();
        return (parent.Id, variant.Id, teacher.Id, student.Id);
    }

    private static Model Copy(Model source, string name) => new()
    {
        Name = name,
        Family = source.Family,
        Task = source.Task,
        Source = source.Source,
        Provenance = $"A catalog row for a browser test, sharing the file of {source.Name}.",
        FilePath = source.FilePath,
        FileSizeBytes = source.FileSizeBytes,
        ParameterCount = source.ParameterCount,
        MacsPerSample = source.MacsPerSample,
        FlopsPerSample = source.FlopsPerSample,
        Opset = source.Opset,
        Inputs = source.Inputs,
        Outputs = source.Outputs,
        OperatorCounts = source.OperatorCounts,
        OperatorMacs = source.OperatorMacs,
        AddedAtUtc = DateTime.UtcNow,
    };
}
