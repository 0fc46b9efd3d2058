using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Platform.Sms;

/// <summary>Issues and checks one-time sign-in codes sent by SMS (used by member sign-in).</summary>
public sealed class SmsCodeService(
    AppDbContext db, ISmsSender sms, PersonalDataProtector protector, TimeProvider clock, AuditTrail audit)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    private const int MaxAttempts = 5;

    public async Task SendCodeAsync(string? phone, CancellationToken ct = default)
    {
        if (!MobileNumber.IsValid(phone))
        {
            new FieldErrors().Add("phone", "请输入 11 位手机号码", "Enter an 11-digit mobile number").ThrowIfAny();
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        await sms.QueueAsync(phone!, Loc.T($"【网上职工之家】您的登录验证码为 {code}，5 分钟内有效。", $"[WorkersHome] Your sign-in code is {code}, valid for 5 minutes."), ct);
        db.SmsLoginCodes.Add(new SmsLoginCode
        {
            PhoneHash = protector.BlindIndex(phone!),
            CodeHash = HashCode(phone!, code),
            CreatedAt = now,
            ExpiresAt = now + CodeLifetime,
        });
        audit.Record(AuditActions.SmsCodeSent, "phone", Mask.Phone(phone!));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>True once for the newest unexpired code; wrong guesses count against it.</summary>
    public async Task<bool> VerifyAsync(string phone, string code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var phoneHash = protector.BlindIndex(phone);
        var latest = await db.SmsLoginCodes
            .Where(c => c.PhoneHash == phoneHash && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (latest is null || latest.FailedAttempts >= MaxAttempts)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(latest.CodeHash), Encoding.ASCII.GetBytes(HashCode(phone, code))))
        {
            latest.FailedAttempts++;
            await db.SaveChangesAsync(ct);
            return false;
        }

        latest.UsedAt = now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private string HashCode(string phone, string code) => protector.BlindIndex(phone + ":" + code);
}