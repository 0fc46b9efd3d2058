using System.IO.Compression;
using System.Text;

using WorkersHome.Modules.Members.Import;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>The temporary directory is switched for the process, so nothing else may run meanwhile.</summary>
[CollectionDefinition(nameof(TemporaryDirectorySwitched), DisableParallelization = true)]
public sealed class TemporaryDirectorySwitched;

/// <summary>
/// An .xlsx roster keeps its ID numbers in the shared-string table; some readers (MiniExcel by default) spill a large
/// table to a cache file in the temporary directory. Reading a roster through ImportFile must leave no such file
/// (plaintext ID numbers) behind, nor write one while it reads.
/// </summary>
[Collection(nameof(TemporaryDirectorySwitched))]
public sealed class XlsxSharedStringsTests
{
    /// <summary>Comfortably above MiniExcel's threshold (5 MB of shared strings) for its disk cache.</summary>
    private const int Rows = 250_000;

    [Fact]
    public void Reading_an_xlsx_writes_no_shared_string_cache_to_the_temporary_directory()
    {
        var xlsx = RosterWithSharedStrings(Rows);
        var watched = Directory.CreateTempSubdirectory("wh-xlsx-tmp-");
        var previous = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", watched.FullName + "/");
        try
        {
            // The control: MiniExcel's own defaults (made now, so with this temporary directory) do write the numbers to a
            // file here, so this test can see a leak should the import's reader (ExcelDataReader) ever start to spill.
            var defaults = new MiniExcelLibs.OpenXml.OpenXmlConfiguration();
            var leaked = FilesWhileReading(watched, () => Drain(MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false, configuration: defaults)));
            leaked.ShouldNotBeEmpty("MiniExcel's default configuration should cache a table this large on disk");
            foreach (var file in watched.EnumerateFiles("*", SearchOption.AllDirectories))
            {
                file.Delete();
            }

            var read = 0;
            var written = FilesWhileReading(watched, () =>
            {
                using var file = ImportFile.Open(new MemoryStream(xlsx), xlsx: true);
                foreach (var row in file.Rows())
                {
                    read++;
                    if (read == 1)
                    {
                        file.CellsOf(row)(MemberTemplate.IdNumber).ShouldBe(IdNumber(0));
                    }
                }
            });
            read.ShouldBe(Rows);
            written.ShouldBeEmpty();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previous);
            watched.Delete(recursive: true);
        }
    }

    /// <summary>The files present in <paramref name="directory"/> at any point while <paramref name="read"/> runs (polled) and after it.</summary>
    private static List<string> FilesWhileReading(DirectoryInfo directory, Action read)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var done = new ManualResetEventSlim();
        var watcher = Task.Run(() =>
        {
            do
            {
                foreach (var file in Directory.EnumerateFileSystemEntries(directory.FullName, "*", SearchOption.AllDirectories))
                {
                    lock (seen)
                    {
                        seen.Add(file);
                    }
                }
            }
            while (!done.Wait(5));
        });
        try
        {
            read();
        }
        finally
        {
            done.Set();
            watcher.Wait();
        }

        foreach (var file in Directory.EnumerateFileSystemEntries(directory.FullName, "*", SearchOption.AllDirectories))
        {
            seen.Add(file);
        }

        return [.. seen];
    }

    private static void Drain(IEnumerable<dynamic> rows)
    {
        foreach (var _ in rows)
        {
        }
    }

    private static string IdNumber(int row) => "110105" + (190_000_000_000L + row).ToString(System.Globalization.CultureInfo.InvariantCulture)[..12];

    /// <summary>A roster as Excel saves it: every text cell a reference into the shared-string table, ID numbers all different.</summary>
    private static byte[] RosterWithSharedStrings(int rows)
    {
        string[] headers = [MemberTemplate.Name, MemberTemplate.IdNumber, MemberTemplate.UnionCode, MemberTemplate.EmploymentForm];
        var strings = new List<string>(headers);
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        void Row(int number, params int[] cells)
        {
            sheet.Append("<row r=\"").Append(number).Append("\">");
            for (var i = 0; i < cells.Length; i++)
            {
                sheet.Append("<c r=\"").Append((char)('A' + i)).Append(number).Append("\" t=\"s\"><v>").Append(cells[i]).Append("</v></c>");
            }

            sheet.Append("</row>");
        }

        Row(1, 0, 1, 2, 3);
        strings.AddRange(["张三", "U1", "全日制"]);
        for (var r = 0; r < rows; r++)
        {
            strings.Add(IdNumber(r));
            Row(r + 2, 4, strings.Count - 1, 5, 6);
        }

        sheet.Append("</sheetData></worksheet>");
        var shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
            .Append(strings.Count).Append("\" uniqueCount=\"").Append(strings.Count).Append("\">");
        foreach (var s in strings)
        {
            shared.Append("<si><t>").Append(s).Append("</t></si>");
        }

        shared.Append("</sst>");
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", sheet.ToString());
            Part("xl/sharedStrings.xml", shared.ToString());
        }

        return output.ToArray();
    }
}