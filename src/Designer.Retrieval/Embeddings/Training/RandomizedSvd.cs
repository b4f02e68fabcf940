using System.Numerics.Tensors;

namespace Designer.Retrieval.Embeddings.Training;

/// <summary>
/// Truncated SVD of a sparse matrix by the randomized range finder of Halko, Martinsson and Tropp (2011): a Gaussian
/// sketch, a few power iterations with re-orthonormalisation, then an exact eigen-decomposition of the small
/// projected Gram matrix. Deterministic for a seed. Returns the top right singular vectors (term → concept).
/// </summary>
internal static class RandomizedSvd
{
    /// <summary>The top <paramref name="rank"/> right singular vectors as [columns, rank] row-major, and the singular values.</summary>
    public static (float[] RightVectors, double[] SingularValues) Compute(SparseRows matrix, int rank, int oversampling, int powerIterations, int seed)
    {
        var width = Math.Min(rank + oversampling, Math.Min(matrix.RowCount, matrix.ColumnCount));
        rank = Math.Min(rank, width);
        var random = new Random(seed);
        var omega = new float[matrix.ColumnCount * width];
        for (var i = 0; i < omega.Length; i++)
        {
            omega[i] = Gaussian(random);
        }

        // Y = A Ω, refined by (A Aᵀ)^q with orthonormalisation between steps so small singular values survive.
        var q = Orthonormalize(matrix.Multiply(omega, width), matrix.RowCount, width);
        for (var i = 0; i < powerIterations; i++)
        {
            var z = Orthonormalize(matrix.TransposeMultiply(q, width), matrix.ColumnCount, width);
            q = Orthonormalize(matrix.Multiply(z, width), matrix.RowCount, width);
        }

        // Bᵀ = Aᵀ Q is [columns, width]; B Bᵀ = (Bᵀ)ᵀ Bᵀ is width × width, eigen-decomposed exactly.
        var bt = matrix.TransposeMultiply(q, width);
        var gram = new double[width, width];
        var column = new float[matrix.ColumnCount];
        var columns = new float[width][];
        for (var j = 0; j < width; j++)
        {
            columns[j] = new float[matrix.ColumnCount];
            for (var t = 0; t < matrix.ColumnCount; t++)
            {
                columns[j][t] = bt[(t * width) + j];
            }
        }

        for (var a = 0; a < width; a++)
        {
            for (var b = a; b < width; b++)
            {
                gram[a, b] = gram[b, a] = TensorPrimitives.Dot(columns[a], columns[b]);
            }
        }

        var (eigenvalues, eigenvectors) = SymmetricEigen.Decompose(gram);

        // B = U Σ Vᵀ ⇒ V = Bᵀ U Σ⁻¹, for the top `rank` eigenpairs (eigenvalues = σ²), sorted descending.
        var order = Enumerable.Range(0, width).OrderByDescending(i => eigenvalues[i]).Take(rank).ToArray();
        var right = new float[matrix.ColumnCount * rank];
        var singular = new double[rank];
        for (var k = 0; k < rank; k++)
        {
            var e = order[k];
            var sigma = Math.Sqrt(Math.Max(eigenvalues[e], 0));
            singular[k] = sigma;
            if (sigma < 1e-9)
            {
                continue;
            }

            Array.Clear(column);
            for (var j = 0; j < width; j++)
            {
                TensorPrimitives.MultiplyAdd(columns[j], (float)(eigenvectors[j, e] / sigma), column, column);
            }

            for (var t = 0; t < matrix.ColumnCount; t++)
            {
                right[(t * rank) + k] = column[t];
            }
        }

        return (right, singular);
    }

    /// <summary>Modified Gram–Schmidt on the columns of a [rows, width] row-major matrix (twice, for stability).</summary>
    private static float[] Orthonormalize(float[] matrix, int rows, int width)
    {
        var columns = new float[width][];
        for (var j = 0; j < width; j++)
        {
            columns[j] = new float[rows];
            for (var r = 0; r < rows; r++)
            {
                columns[j][r] = matrix[(r * width) + j];
            }
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var j = 0; j < width; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    var projection = TensorPrimitives.Dot(columns[i], columns[j]);
                    TensorPrimitives.MultiplyAdd(columns[i], -projection, columns[j], columns[j]);
                }

                var norm = TensorPrimitives.Norm(columns[j]);
                if (norm > 1e-12f)
                {
                    TensorPrimitives.Divide(columns[j], norm, columns[j]);
                }
                else
                {
                    Array.Clear(columns[j]); // rank-deficient direction: contributes nothing
                }
            }
        }

        var result = new float[rows * width];
        for (var j = 0; j < width; j++)
        {
            for (var r = 0; r < rows; r++)
            {
                result[(r * width) + j] = columns[j][r];
            }
        }

        return result;
    }

    private static float Gaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
    }
}
