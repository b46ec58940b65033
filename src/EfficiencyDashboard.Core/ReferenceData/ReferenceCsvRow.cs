using System.Globalization;
using CsvHelper;

namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// Typed reads of the current row of a reference CSV file. Every failure becomes a
/// <see cref="ReferenceDataException"/> naming the file, the line and the column.
/// </summary>
internal sealed class ReferenceCsvRow(CsvReader reader, string fileName)
{
    // The curated files write "N/A" where a submitter gave no value; it reads as absent, like an empty field.
    private const string NotApplicable = "N/A";

    public string FileName { get; } = fileName;

    public long LineNumber => reader.LineNumber;

    /// <summary>Fails unless every column the record keeps is in the header.</summary>
    public void RequireColumns(IEnumerable<string> columns)
    {
        var headers = reader.Headers.ToHashSet(StringComparer.Ordinal);
        var missing = columns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ReferenceDataException(FileName, 1, missing[0], $"the header lacks the column(s) {string.Join(", ", missing)}.");
        }
    }

    /// <summary>The field as written; fails when it is empty.</summary>
    public string Text(string column)
    {
        var value = reader.GetString(column);
        return value.Length > 0 ? value : throw Bad(column, "a value is required.");
    }

    /// <summary>The field as written, empty included (a column that may be blank in the source).</summary>
    public string TextOrEmpty(string column) => reader.GetString(column);

    public double Number(string column) => OptionalNumber(column) ?? throw Bad(column, "a number is required.");

    /// <summary>A number, or null for an empty or "N/A" field.</summary>
    public double? OptionalNumber(string column)
    {
        var text = reader.GetString(column).Trim();
        if (IsAbsent(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Bad(column, $"'{text}' is not a number.");
    }

    public int Integer(string column) => OptionalInteger(column) ?? throw Bad(column, "a whole number is required.");

    /// <summary>A whole number, or null for an empty or "N/A" field.</summary>
    public int? OptionalInteger(string column)
    {
        var text = reader.GetString(column).Trim();
        if (IsAbsent(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(column, $"'{text}' is not a whole number.");
    }

    /// <summary>A date written yyyy-MM-dd.</summary>
    public DateOnly Date(string column)
    {
        var text = Text(column).Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Bad(column, $"'{text}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>A month written yyyy-MM, as its first day.</summary>
    public DateOnly Month(string column)
    {
        var text = Text(column).Trim();
        return DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw Bad(column, $"'{text}' is not a month (yyyy-MM).");
    }

    public ReferenceDataException Bad(string column, string problem) => new(FileName, LineNumber, column, problem);

    private static bool IsAbsent(string text) => text.Length == 0 || text == NotApplicable;
}
