using System.Numerics.Tensors;

namespace Designer.Retrieval.Embeddings.Training;

/// <summary>
/// A sparse matrix in compressed rows (CSR): documents × terms. Only the two products randomized SVD needs are
/// offered, both against dense column-blocks stored row-major.
/// </summary>
internal sealed class SparseRows
{
    private readonly int[] _rowStarts;
    private readonly int[] _columns;
    private readonly float[] _values;

    public SparseRows(int columnCount, IReadOnlyList<IReadOnlyList<(int Column, float Value)>> rows)
    {
        ColumnCount = columnCount;
        RowCount = rows.Count;
        _rowStarts = new int[rows.Count + 1];
        var total = rows.Sum(r => r.Count);
        _columns = new int[total];
        _values = new float[total];
        var at = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            _rowStarts[r] = at;
            foreach (var (column, value) in rows[r])
            {
                _columns[at] = column;
                _values[at++] = value;
            }
        }

        _rowStarts[rows.Count] = at;
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    /// <summary>Returns this · <paramref name="dense"/>, where dense is [ColumnCount, width] row-major.</summary>
    public float[] Multiply(float[] dense, int width)
    {
        var result = new float[RowCount * width];
        for (var r = 0; r < RowCount; r++)
        {
            var target = result.AsSpan(r * width, width);
            for (var i = _rowStarts[r]; i < _rowStarts[r + 1]; i++)
            {
                TensorPrimitives.MultiplyAdd(dense.AsSpan(_columns[i] * width, width), _values[i], target, target);
            }
        }

        return result;
    }

    /// <summary>Returns thisᵀ · <paramref name="dense"/>, where dense is [RowCount, width] row-major.</summary>
    public float[] TransposeMultiply(float[] dense, int width)
    {
        var result = new float[ColumnCount * width];
        for (var r = 0; r < RowCount; r++)
        {
            var source = dense.AsSpan(r * width, width);
            for (var i = _rowStarts[r]; i < _rowStarts[r + 1]; i++)
            {
                var target = result.AsSpan(_columns[i] * width, width);
                TensorPrimitives.MultiplyAdd(source, _values[i], target, target);
            }
        }

        return result;
    }
}
