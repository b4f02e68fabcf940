using System.Buffers.Binary;
using Microsoft.Extensions.Logging;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// An append-only log of writes since the last snapshot. Each entry is framed as [length][CRC-32][bytes] and flushed
/// to disk (fsync) before the write is acknowledged. On open, entries are read until the first torn or corrupt frame;
/// the tail from there is cut off with a warning, because it can only be a write that was never acknowledged.
/// </summary>
internal sealed class WriteAheadLog : IDisposable
{
    private const int HeaderSize = 8;
    private readonly FileStream _stream;

    private WriteAheadLog(FileStream stream) => _stream = stream;

    public long Length => _stream.Length;

    public static WriteAheadLog Open(string path, ILogger logger, out List<WalEntry> entries)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        entries = [];
        var header = new byte[HeaderSize];
        long good = 0;
        while (true)
        {
            if (stream.Read(header) < HeaderSize)
            {
                break;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (length <= 0 || length > stream.Length - stream.Position)
            {
                break;
            }

            var body = new byte[length];
            stream.ReadExactly(body);
            if (Crc32.Compute(body) != crc)
            {
                break;
            }

            try
            {
                using var reader = new BinaryReader(new MemoryStream(body));
                entries.Add(WalEntry.Read(reader));
            }
            catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or System.Text.Json.JsonException)
            {
                break;
            }

            good = stream.Position;
        }

        if (good < stream.Length)
        {
            logger.LogWarning("Write-ahead log {Path}: ignoring {Bytes} bytes of torn or corrupt tail after {Entries} valid entries.", path, stream.Length - good, entries.Count);
            stream.SetLength(good);
            stream.Flush(flushToDisk: true);
        }

        stream.Position = good;
        return new WriteAheadLog(stream);
    }

    public void Append(WalEntry entry)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            entry.Write(writer);
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteInt32LittleEndian(header, bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.Compute(bytes));
        _stream.Write(header);
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>Empties the log once a snapshot covers everything in it.</summary>
    public void Reset()
    {
        _stream.SetLength(0);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
