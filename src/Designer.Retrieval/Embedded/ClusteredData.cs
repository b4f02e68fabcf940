using System.Globalization;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// Seeded synthetic embeddings with low intrinsic dimension: a Gaussian mixture in a latent space, randomly projected
/// to the output dimension, plus isotropic noise, then L2-normalised. Uniform random vectors would defeat any graph
/// index (no neighbourhood structure), so benchmarks and recall tests use this instead.
/// </summary>
internal sealed record ClusteredData(int Dimension = 384, int LatentDimension = 64, int Clusters = 100, double ClusterSpread = 0.35, double Noise = 0.02, int Seed = 7)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"clustered data: dim={Dimension}, latent={LatentDimension}, clusters={Clusters}, spread={ClusterSpread}, noise={Noise}, seed={Seed}");

    /// <summary>Generates <paramref name="count"/> vectors; <paramref name="stream"/> picks an independent sample from the same mixture (e.g. 1 for queries).</summary>
    public float[][] Generate(int count, int stream = 0)
    {
        var model = new Random(Seed);
        var centres = new double[Clusters][];
        for (var c = 0; c < Clusters; c++)
        {
            centres[c] = Gaussians(model, LatentDimension, 1.0);
        }

        var projection = new double[LatentDimension * Dimension];
        var scale = 1.0 / Math.Sqrt(LatentDimension);
        for (var i = 0; i < projection.Length; i++)
        {
            projection[i] = NextGaussian(model) * scale;
        }

        var random = new Random(HashCode.Combine(Seed, stream, 0x5eed));
        var result = new float[count][];
        var latent = new double[LatentDimension];
        for (var n = 0; n < count; n++)
        {
            var centre = centres[random.Next(Clusters)];
            for (var j = 0; j < LatentDimension; j++)
            {
                latent[j] = centre[j] + (NextGaussian(random) * ClusterSpread);
            }

            var vector = new float[Dimension];
            for (var d = 0; d < Dimension; d++)
            {
                var sum = NextGaussian(random) * Noise;
                for (var j = 0; j < LatentDimension; j++)
                {
                    sum += latent[j] * projection[(j * Dimension) + d];
                }

                vector[d] = (float)sum;
            }

            result[n] = Indexes.VectorMath.Normalize(vector);
        }

        return result;
    }

    /// <summary>Writes vectors in the .fvecs format (per vector: int32 dimension, then float32 values, little-endian).</summary>
    public static void WriteFvecs(string path, IReadOnlyList<float[]> vectors)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var vector in vectors)
        {
            writer.Write(vector.Length);
            foreach (var x in vector)
            {
                writer.Write(x);
            }
        }
    }

    private static double[] Gaussians(Random random, int count, double scale)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = NextGaussian(random) * scale;
        }

        return values;
    }

    private static double NextGaussian(Random random)
    {
        // Box–Muller; one of the pair is discarded for simplicity.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
