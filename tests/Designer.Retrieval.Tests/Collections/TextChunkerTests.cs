using Designer.Retrieval.Collections;

namespace Designer.Retrieval.Tests.Collections;

public sealed class TextChunkerTests
{
    [Fact]
    public void Chunk_ShortText_OneTrimmedChunk()
    {
        // Act
        var chunks = TextChunker.Chunk("  The parcel never arrived.  ", 64, 16);

        // Assert
        Assert.Equal(["The parcel never arrived."], chunks);
    }

    [Fact]
    public void Chunk_BlankText_NoChunks()
    {
        Assert.Empty(TextChunker.Chunk(" \n\t ", 64, 16));
    }

    [Fact]
    public void Chunk_LongText_ChunksWithinSizeOverlapAndCoverEveryWord()
    {
        // Arrange
        var words = Enumerable.Range(0, 400).Select(i => $"word{i}").ToList();
        var text = string.Join(' ', words);

        // Act
        var chunks = TextChunker.Chunk(text, 100, 30);

        // Assert
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 100));
        Assert.Equal(words, chunks.SelectMany(c => c.Split(' ')).Distinct());
        for (var i = 1; i < chunks.Count; i++)
        {
            // Consecutive chunks share at least one whole word, and no word is ever cut.
            var previous = chunks[i - 1].Split(' ');
            var current = chunks[i].Split(' ');
            Assert.Contains(current[0], previous);
            Assert.All(current, w => Assert.Contains(w, words));
        }
    }

    [Fact]
    public void Chunk_WordLongerThanChunk_HardCutWithoutLoss()
    {
        // Arrange
        var text = new string('x', 50);

        // Act
        var chunks = TextChunker.Chunk(text, 20, 0);

        // Assert
        Assert.Equal([20, 20, 10], chunks.Select(c => c.Length));
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(64, 32)]
    [InlineData(64, -1)]
    public void Chunk_BadParameters_Throws(int size, int overlap)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => TextChunker.Chunk("text", size, overlap));
    }
}
