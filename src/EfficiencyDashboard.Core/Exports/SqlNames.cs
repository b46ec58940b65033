namespace EfficiencyDashboard.Core.Exports;

/// <summary>SQL that turns an enum stored by name into the spelling the API uses, so files and API agree.</summary>
internal static class SqlNames
{
    public static string ApiName<T>(string column, Func<T, string> apiName) where T : struct, Enum =>
        "CASE " + column + " " + string.Concat(Enum.GetValues<T>().Select(v => $"WHEN '{v}' THEN '{apiName(v)}' ")) + "END";
}
