using Designer.Retrieval.Embeddings.Training;

namespace Designer.Retrieval.Tests.Training;

public sealed class RandomizedSvdTests
{
    [Fact]
    public void Compute_SmallMatrix_SingularValuesMatchExactEigenvaluesOfGram()
    {
        // Arrange: a 30 × 12 sparse-ish matrix with decaying structure.
        var random = new Random(3);
        var dense = new float[30, 12];
        var rows = new List<IReadOnlyList<(int, float)>>();
        for (var r = 0; r < 30; r++)
        {
            var row = new List<(int, float)>();
            for (var c = 0; c < 12; c++)
            {
                if (random.NextDouble() < 0.5)
                {
                    dense[r, c] = (float)(random.NextDouble() * (12 - c));
                    row.Add((c, dense[r, c]));
                }
            }

            rows.Add(row);
        }

        var gram = new double[12, 12];
        for (var a = 0; a < 12; a++)
        {
            for (var b = 0; b < 12; b++)
            {
                for (var r = 0; r < 30; r++)
                {
                    gram[a, b] += dense[r, a] * dense[r, b];
                }
            }
        }

        var exact = SymmetricEigen.Decompose(gram).Values.OrderDescending().Take(5).Select(Math.Sqrt).ToArray();

        // Act
        var (right, singular) = RandomizedSvd.Compute(new SparseRows(12, rows), rank: 5, oversampling: 5, powerIterations: 3, seed: 1);

        // Assert: values agree, and the vectors are orthonormal.
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(exact[k], singular[k], exact[0] * 1e-4);
        }

        for (var a = 0; a < 5; a++)
        {
            for (var b = 0; b < 5; b++)
            {
                var dot = Enumerable.Range(0, 12).Sum(t => (double)right[(t * 5) + a] * right[(t * 5) + b]);
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 3);
            }
        }
    }

    [Fact]
    public void Train_SameCorpusAndSeed_GivesIdenticalModel()
    {
        // Arrange
        string[] corpus = ["card stolen charge", "charge twice duplicate", "parcel never arrived", "duplicate charge twice", "stolen card fraud", "parcel arrived late"];
        var options = new LsaTrainingOptions { Dimensions = 3, MinDocumentFrequency = 1 };

        // Act
        var first = LsaTrainer.Train(corpus, options, TestContext.Current.CancellationToken);
        var second = LsaTrainer.Train(corpus, options, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(first.OnnxModel, second.OnnxModel);
        Assert.Equal(3, first.Dimensions);
    }

    [Fact]
    public void Train_OneDocument_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => LsaTrainer.Train(["only one"], new LsaTrainingOptions(), TestContext.Current.CancellationToken));
    }
}
