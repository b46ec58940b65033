namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// A reference data file that cannot be read: names the file, the 1-based line (the header is line 1) and the column,
/// so that whoever curates the data can fix the row.
/// </summary>
public sealed class ReferenceDataException(string fileName, long lineNumber, string? column, string problem, Exception? innerException = null)
    : Exception(Describe(fileName, lineNumber, column, problem), innerException)
{
    /// <summary>The file name, without its directory (for example <c>accelerators.csv</c>).</summary>
    public string FileName { get; } = fileName;

    /// <summary>The 1-based line of the file where the bad row starts; 0 when the problem is the file itself.</summary>
    public long LineNumber { get; } = lineNumber;

    /// <summary>The column at fault, as the header names it; null when no single column is.</summary>
    public string? Column { get; } = column;

    private static string Describe(string fileName, long lineNumber, string? column, string problem)
    {
        var where = lineNumber > 0 ? $"{fileName}, line {lineNumber}" : fileName;
        return column is null ? $"{where}: {problem}" : $"{where}, column '{column}': {problem}";
    }
}
