using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Exports;

/// <summary>Reads the shared filters from a query string, the same way for pages and export URLs.</summary>
public static class ExportFilterBinding
{
    public static readonly string[] Keys = ["from", "to", "hardware", "modelId", "family", "provider", "status"];

    public static (ExportFilter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

        DateTime? Date(string key)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }

            errors[key] = [$"'{text}' is not a date; use ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z."];
            return null;
        }

        int? modelId = null;
        if (Text("modelId") is { } m)
        {
            if (int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                modelId = id;
            }
            else
            {
                errors["modelId"] = [$"'{m}' is not a model id."];
            }
        }

        var family = Text("family");
        if (family is not null && !Enum.TryParse<ModelFamily>(family, ignoreCase: true, out _))
        {
            errors["family"] = [$"Unknown family '{family}': use {string.Join(", ", Enum.GetNames<ModelFamily>())}."];
        }

        var provider = Text("provider");
        if (provider is not null && RunRequestValidator.ParseProvider(provider) is null)
        {
            errors["provider"] = [$"Unknown execution provider '{provider}': use cpu, cuda or tensorrt."];
        }

        var status = Text("status");
        if (status is not null && !Enum.GetValues<RunStatus>().Any(s => s.ApiName() == status.ToLowerInvariant()))
        {
            errors["status"] = [$"Unknown status '{status}'."];
        }

        var filter = new ExportFilter(Date("from"), Date("to"), Text("hardware"), modelId, family, provider, status);
        return (filter, errors);
    }
}
