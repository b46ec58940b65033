using System.Data.Common;

namespace EfficiencyDashboard.Core.Exports.Writers;

/// <summary>Streams the rows of a reader to a file format, holding at most a bounded batch in memory.</summary>
public interface IExportWriter
{
    Task WriteAsync(DbDataReader reader, ExportDataset dataset, Stream output, CancellationToken cancellationToken);
}
