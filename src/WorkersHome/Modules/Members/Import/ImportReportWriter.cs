using System.Globalization;
using System.Text;

using CsvHelper;

namespace WorkersHome.Modules.Members.Import;

/// <summary>Writes the error report: every row of the uploaded file as it was, plus the error column.</summary>
public sealed class ImportReportWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly int _columns;

    public ImportReportWriter(Stream output, string[] headers)
    {
        // UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly.
        _csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16), CultureInfo.InvariantCulture);
        _columns = headers.Length;
        foreach (var header in headers.Append(MemberTemplate.ErrorColumn))
        {
            _csv.WriteField(header);
        }

        _csv.NextRecord();
    }

    public void Write(SourceRow row, string? error)
    {
        for (var i = 0; i < _columns; i++)
        {
            _csv.WriteField(i < row.Cells.Length ? row.Cells[i] : "");
        }

        _csv.WriteField(error ?? "");
        _csv.NextRecord();
    }

    public void Dispose() => _csv.Dispose();
}

/// <summary>A read-only pass-through that counts the bytes read, for an import's progress bar.</summary>
public sealed class CountingStream(Stream inner) : Stream
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        Interlocked.Add(ref _read, read);
        return read;
    }
}