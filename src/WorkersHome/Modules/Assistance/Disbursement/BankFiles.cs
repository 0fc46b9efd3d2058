using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>
/// The bank's side of a batch: the batch payment file (批量代发) finance uploads to the bank, and the result file the bank
/// gives back (付款编号 or 备注, 结果 成功/失败, 原因), read as .xlsx or .csv. The payment file carries what a bank needs
/// to credit a payee — the full account and ID numbers — so it is served only with the pay permission and every
/// download is audited; the columns are described in the README ("Bank payment file").
/// </summary>
public sealed class BankFiles(AppDbContext db, PersonalDataProtector protector, IMemberDirectory members, AuditTrail audit)
{
    public const string IdColumn = "付款编号";
    public const string RemarkColumn = "备注";
    public const string ResultColumn = "结果";
    public const string ReasonColumn = "原因";
    public const string ResidentIdType = "居民身份证";

    /// <summary>The payment file's columns, in order: a common layout of Chinese banks' batch payment (批量代发) templates.</summary>
    public static readonly IReadOnlyList<string> Columns = ["序号", "收款人账号", "收款人户名", "证件类型", "证件号码", "金额", "开户行", "用途", RemarkColumn];

    /// <summary>
    /// The payment file as .xlsx, or as .csv (UTF-8 with a byte-order mark, which spreadsheet programs need to read
    /// Chinese). Every cell but the row number is text: an account or ID number read as a number loses its last digits
    /// (4.1E+17), and an amount is written as the bank reads it, with two decimals.
    /// </summary>
    public async Task<byte[]> PaymentFileAsync(long batchId, bool csv, CancellationToken ct)
    {
        var batch = await db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException();
        if (batch.Status is not (BatchStatus.Sent or BatchStatus.ResultsImported))
        {
            throw new ConflictException(Loc.T("批次发送后才能生成银行代发文件", "The bank file is made once the batch is sent"));
        }

        var program = await db.AssistancePrograms.AsNoTracking().FirstAsync(p => p.Id == batch.ProgramId, ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.BatchId == batchId && (p.Status == PaymentStatus.Sent || p.Status == PaymentStatus.Paid))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var idNumbers = await members.IdNumbersAsync(payments.Select(p => p.MemberId).ToList(), ct);
        var rows = payments.Select((p, i) => Row(i + 1, p, protector.Decrypt(p.AccountCipher), idNumbers.GetValueOrDefault(p.MemberId, ""), program.Name)).ToList();
        audit.Record(DisbursementAuditActions.BankFileExported, "payment-batch", batch.Id.ToString(), batch.OrgPath,
            new { rows = rows.Count, format = csv ? "csv" : "xlsx", fullIdNumbers = true });
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        if (csv)
        {
            stream.Write(Encoding.UTF8.Preamble);
            MiniExcel.SaveAs(stream, rows, excelType: ExcelType.CSV);
        }
        else
        {
            MiniExcel.SaveAs(stream, rows, sheetName: "代发明细");
        }

        return stream.ToArray();
    }

    /// <summary>One line; every text cell is guarded against formula injection, whichever program opens the file.</summary>
    private static Dictionary<string, object?> Row(int number, Payment p, string account, string idNumber, string purpose)
    {
        string[] cells = [account, p.PayeeName, ResidentIdType, idNumber, p.Amount.ToString("F2", CultureInfo.InvariantCulture), p.BankName, purpose,
            p.Id.ToString(CultureInfo.InvariantCulture)];
        var row = new Dictionary<string, object?> { [Columns[0]] = number };
        for (var c = 0; c < cells.Length; c++)
        {
            row[Columns[c + 1]] = SpreadsheetCells.Safe(cells[c]);
        }

        return row;
    }

    /// <summary>Reads the bank's result file; a line that cannot be read is named with its row number, and nothing is imported.</summary>
    public static IReadOnlyList<PaymentResult> ReadResults(Stream content, string? fileName)
    {
        var type = fileName?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true ? ExcelType.CSV : ExcelType.XLSX;
        List<IDictionary<string, object?>> lines;
        try
        {
            lines = MiniExcel.Query(content, useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException)
        {
            new FieldErrors().Add("file", "无法读取结果文件，请上传银行返回的 .xlsx 或 .csv 文件", "The result file cannot be read; upload the bank's .xlsx or .csv").ThrowIfAny();
            return [];
        }

        var errors = new FieldErrors();
        // Banks echo the payment file's 备注 (which holds the payment number) in their results; our own template names it 付款编号.
        var idColumn = lines.Count > 0 && !lines[0].ContainsKey(IdColumn) && lines[0].ContainsKey(RemarkColumn) ? RemarkColumn : IdColumn;
        if (lines.Count == 0 || !lines[0].ContainsKey(idColumn) || !lines[0].ContainsKey(ResultColumn))
        {
            errors.Add("file", $"结果文件须有“{IdColumn}”（或“{RemarkColumn}”）“{ResultColumn}”“{ReasonColumn}”三列",
                $"The result file needs the columns {IdColumn} (or {RemarkColumn}), {ResultColumn}, {ReasonColumn}").ThrowIfAny();
        }

        var results = new List<PaymentResult>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var id = Convert.ToString(line[idColumn], CultureInfo.InvariantCulture)?.Trim();
            var result = Convert.ToString(line[ResultColumn], CultureInfo.InvariantCulture)?.Trim();
            var reason = line.TryGetValue(ReasonColumn, out var r) ? Convert.ToString(r, CultureInfo.InvariantCulture)?.Trim() : null;
            if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(result))
            {
                continue;
            }

            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var paymentId))
            {
                errors.Add($"rows[{i}]", $"第 {i + 2} 行：付款编号“{id}”无效", $"Line {i + 2}: payment number \"{id}\" is not valid");
            }
            else if (result is not ("成功" or "失败"))
            {
                errors.Add($"rows[{i}]", $"第 {i + 2} 行：结果应为“成功”或“失败”", $"Line {i + 2}: the result must be 成功 or 失败");
            }
            else
            {
                results.Add(new PaymentResult(paymentId, result == "成功", reason));
            }
        }

        errors.ThrowIfAny();
        return results;
    }
}