using System.Globalization;
using System.Text;

using CsvHelper;

using WorkersHome.Platform.Files;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// Writes the error report: each rejected row as it was in the file, after its original row number and
/// before its errors. Every cell passes the spreadsheet guard, since the report opens in Excel and its
/// cells are whatever the uploaded file held.
/// </summary>
public sealed class ImportReportWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly int _columns;

    public ImportReportWriter(Stream output, string[] headers)
    {
        // UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly.
        _csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16), CultureInfo.InvariantCulture);
        _columns = headers.Length;
        foreach (var header in headers.Prepend(MemberTemplate.RowNumberColumn).Append(MemberTemplate.ErrorColumn))
        {
            _csv.WriteField(SpreadsheetCells.Safe(header));
        }

        _csv.NextRecord();
    }

    public void Write(SourceRow row, string error)
    {
        _csv.WriteField(row.Number.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < _columns; i++)
        {
            _csv.WriteField(SpreadsheetCells.Safe(i < row.Cells.Length ? row.Cells[i] : ""));
        }

        _csv.WriteField(SpreadsheetCells.Safe(error));
        _csv.NextRecord();
    }

    /// <summary>The report's records as written (header first), for the API's list of rejected rows and the .xlsx conversion.</summary>
    public static IEnumerable<string[]> Read(Stream csv)
    {
        using var parser = new CsvParser(new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), CultureInfo.InvariantCulture);
        while (parser.Read())
        {
            yield return parser.Record ?? [];
        }
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