using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;

using MiniExcelLibs;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Assistance.Disbursement;

/// <summary>
/// The bank's side of a batch: the payment file finance uploads to the bank (full account numbers, masked ID numbers),
/// and the result file the bank gives back (付款编号, 结果 成功/失败, 原因), read as .xlsx or .csv.
/// </summary>
public sealed class BankFiles(AppDbContext db, PersonalDataProtector protector, AuditTrail audit)
{
    public const string IdColumn = "付款编号";
    public const string ResultColumn = "结果";
    public const string ReasonColumn = "原因";

    /// <summary>The payment file as .xlsx, or as .csv (UTF-8 with a byte-order mark, which spreadsheet programs need to read Chinese).</summary>
    public async Task<byte[]> PaymentFileAsync(long batchId, bool csv, CancellationToken ct)
    {
        var batch = await db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException();
        if (batch.Status != BatchStatus.Sent)
        {
            throw new ConflictException(Loc.T("批次发送后才能生成银行代发文件", "The bank file is made once the batch is sent"));
        }

        var program = await db.AssistancePrograms.AsNoTracking().FirstAsync(p => p.Id == batch.ProgramId, ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.BatchId == batchId && p.Status == PaymentStatus.Paid).OrderBy(p => p.Id).ToListAsync(ct);
        var rows = payments.Select((p, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            [IdColumn] = p.Id,
            ["收款人"] = p.PayeeName,
            ["证件号码"] = p.IdMasked,
            ["开户银行"] = p.BankName,
            ["收款账号"] = protector.Decrypt(p.AccountCipher),
            ["账户来源"] = p.ToCardAccount ? "会员服务卡绑定" : "申请填写",
            ["金额（元）"] = p.Amount,
            ["用途"] = program.Name,
        }).ToList();
        audit.Record(DisbursementAuditActions.BankFileExported, "payment-batch", batch.Id.ToString(), batch.OrgPath, new { rows = rows.Count, format = csv ? "csv" : "xlsx" });
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
        if (lines.Count == 0 || !lines[0].ContainsKey(IdColumn) || !lines[0].ContainsKey(ResultColumn))
        {
            errors.Add("file", $"结果文件须有“{IdColumn}”“{ResultColumn}”“{ReasonColumn}”三列", $"The result file needs the columns {IdColumn}, {ResultColumn}, {ReasonColumn}").ThrowIfAny();
        }

        var results = new List<PaymentResult>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var id = Convert.ToString(line[IdColumn], CultureInfo.InvariantCulture)?.Trim();
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