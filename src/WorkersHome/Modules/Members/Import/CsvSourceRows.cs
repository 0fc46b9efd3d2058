using System.Text;

using nietras.SeparatedValues;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// The rows of a .csv member file through Sep: comma-separated whatever the first row looks like (no guessing the
/// separator from a title row), quotes removed, rows of any length. Sep counts a blank line as a row, so a row's
/// number is its record number in the file, as the row numbers in error messages need.
/// </summary>
internal static class CsvSourceRows
{
    public static (IEnumerable<SourceRow> Rows, IDisposable Owner) Open(Stream stream)
    {
        // The reader detects a UTF-8 (or UTF-16) byte order mark and drops it, so the first header cell matches.
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(text);
        return (Read(reader), reader);
    }

    private static IEnumerable<SourceRow> Read(SepReader reader)
    {
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            yield return new SourceRow(row.RowIndex + 1, cells);
        }
    }
}