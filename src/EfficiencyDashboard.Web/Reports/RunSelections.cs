namespace EfficiencyDashboard.Web.Reports;

public static class RunSelections
{
    /// <summary>The query-string parameter of the switch.</summary>
    public const string Parameter = "invalid";

    /// <summary>Its value that includes INVALID results.</summary>
    public const string Include = "include";

    /// <summary>Reads the parameter: "include" includes INVALID results; anything else keeps VALID ones only.</summary>
    public static RunSelection Parse(string? value) =>
        string.Equals(value?.Trim(), Include, StringComparison.OrdinalIgnoreCase) ? RunSelection.IncludeInvalid : RunSelection.ValidOnly;

    /// <summary>The parameter's value for the address, or null for the default (VALID only).</summary>
    public static string? QueryValue(this RunSelection selection) => selection == RunSelection.IncludeInvalid ? Include : null;

    /// <summary>What the selection means, for a caption beside the figures.</summary>
    public static string Describe(this RunSelection selection) => selection == RunSelection.IncludeInvalid
        ? "VALID and INVALID results (INVALID ones are counted and marked)"
        : "VALID results only";
}
