using System.Globalization;

using ExcelDataReader;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// The rows of the first sheet of an .xlsx member file through ExcelDataReader, which streams the sheet and keeps the
/// shared-string table (in a roster: every ID number and phone, as text) in memory: personal numbers must never lie
/// on disk in plaintext, as a spilled cache file would leave them.
/// </summary>
internal static class XlsxSourceRows
{
    /// <summary>
    /// ExcelDataReader's configuration asks for code page 1252 (its fallback for legacy .xls) as soon as it is made, even
    /// for .xlsx, and .NET has no code pages until their provider is registered; registering it twice is harmless.
    /// </summary>
    private static readonly ExcelReaderConfiguration Configuration = CodePagesThen(() => new ExcelReaderConfiguration());

    public static (IEnumerable<SourceRow> Rows, IDisposable Owner) Open(Stream stream)
    {
        var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, Configuration);
        return (Read(reader), reader);
    }

    private static IEnumerable<SourceRow> Read(IExcelDataReader reader)
    {
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Text(reader.GetValue(i));
            }

            yield return new SourceRow(number, cells);
        }
    }

    private static T CodePagesThen<T>(Func<T> make)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return make();
    }

    /// <summary>Dates and numbers as the template's text: 2015-06-01, and whole numbers without a decimal point.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}