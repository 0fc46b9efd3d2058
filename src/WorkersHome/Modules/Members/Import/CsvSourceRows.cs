using System.Globalization;
using System.Text;

using CsvHelper;
using CsvHelper.Configuration;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// The rows of a .csv member file through CsvHelper's parser: quotes removed, rows of any length, a blank line counted
/// as a row, so a row's number is its record number in the file, as error messages need. (Sep was tried here and read
/// no faster end to end: the import is bound by the database, not by parsing.)
/// </summary>
internal static class CsvSourceRows
{
    public static (IEnumerable<SourceRow> Rows, IDisposable Owner) Open(Stream stream)
    {
        // The reader detects a UTF-8 (or UTF-16) byte order mark and drops it, so the first header cell matches.
        var parser = new CsvParser(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16),
            new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        return (Read(parser), parser);
    }

    private static IEnumerable<SourceRow> Read(CsvParser parser)
    {
        while (parser.Read())
        {
            yield return new SourceRow(parser.Row, parser.Record ?? []);
        }
    }
}