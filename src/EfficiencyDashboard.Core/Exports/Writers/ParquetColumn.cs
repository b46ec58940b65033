using System.Data.Common;
using Parquet;
using Parquet.Schema;

namespace EfficiencyDashboard.Core.Exports.Writers;

/// <summary>One column's Parquet field and the buffer of its current row group.</summary>
internal abstract class ParquetColumn
{
    public abstract DataField Field { get; }

    public abstract void Add(DbDataReader reader, int ordinal, int row);

    public abstract Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken);

    public static ParquetColumn For(ExportColumn column, int capacity) => column.Type switch
    {
        ColumnType.Integer => ValueColumn<long>.Create(column, capacity, (r, i) => r.GetInt64(i)),
        ColumnType.Real => ValueColumn<double>.Create(column, capacity, (r, i) => r.GetDouble(i)),
        ColumnType.Boolean => ValueColumn<bool>.Create(column, capacity, (r, i) => r.GetBoolean(i)),
        ColumnType.Timestamp => ValueColumn<DateTime>.Create(column, capacity, ColumnValues.Timestamp),
        _ => new TextColumn(column, capacity),
    };

    private sealed class TextColumn(ExportColumn column, int capacity) : ParquetColumn
    {
        private readonly string?[] _values = new string?[capacity];

        public override DataField Field { get; } = new DataField<string>(column.Name, column.Nullable);

        public override void Add(DbDataReader reader, int ordinal, int row) =>
            _values[row] = reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        public override Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken) =>
            group.WriteAsync(Field, new ArraySegment<string>(_values!, 0, rows));
    }

    private abstract class ValueColumn<T> : ParquetColumn where T : struct
    {
        public static ParquetColumn Create(ExportColumn column, int capacity, Func<DbDataReader, int, T> read) =>
            column.Nullable ? new Nullable(column.Name, capacity, read) : new Required(column.Name, capacity, read);

        private sealed class Required(string name, int capacity, Func<DbDataReader, int, T> read) : ValueColumn<T>
        {
            private readonly T[] _values = new T[capacity];

            public override DataField Field { get; } = new DataField<T>(name, false);

            public override void Add(DbDataReader reader, int ordinal, int row) => _values[row] = read(reader, ordinal);

            public override Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken) =>
                group.WriteAsync<T>(Field, new ReadOnlyMemory<T>(_values, 0, rows), cancellationToken: cancellationToken);
        }

        private sealed class Nullable(string name, int capacity, Func<DbDataReader, int, T> read) : ValueColumn<T>
        {
            private readonly T?[] _values = new T?[capacity];

            public override DataField Field { get; } = new DataField<T?>(name);

            public override void Add(DbDataReader reader, int ordinal, int row) =>
                _values[row] = reader.IsDBNull(ordinal) ? null : read(reader, ordinal);

            public override Task WriteAsync(ParquetRowGroupWriter group, int rows, CancellationToken cancellationToken) =>
                group.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(_values, 0, rows), cancellationToken: cancellationToken);
        }
    }
}
