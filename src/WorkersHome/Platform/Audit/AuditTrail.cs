using System.Text.Json;

using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Platform.Audit;

/// <summary>
/// Stages audit rows on the request's context; they commit with the change itself, and the sealer links them into the
/// chain shortly after (<see cref="AuditSealer"/>).
/// </summary>
public sealed class AuditTrail(AppDbContext db, CurrentCadre cadre, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string action, string? targetType = null, string? targetId = null,
        string? orgPath = null, object? detail = null, bool succeeded = true, Guid? actorId = null, string? actorName = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditEntry.TruncateToMicroseconds(clock.GetUtcNow()),
            ActorId = actorId ?? cadre.UserIdOrNull,
            ActorName = actorName ?? cadre.UserNameOrNull ?? "system",
            Action = action,
            Succeeded = succeeded,
            TargetType = targetType,
            TargetId = targetId,
            OrgPath = orgPath,
            Detail = detail is null ? null : JsonSerializer.Serialize(detail, JsonOptions),
            ClientIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task RecordNowAsync(string action, string? targetType = null, string? targetId = null,
        string? orgPath = null, object? detail = null, bool succeeded = true, Guid? actorId = null, string? actorName = null,
        CancellationToken ct = default)
    {
        Record(action, targetType, targetId, orgPath, detail, succeeded, actorId, actorName);
        await db.SaveChangesAsync(ct);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public static class AuditActions
{
    public const string SignInSucceeded = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string SignInLockedOut = "auth.locked-out";
    public const string SignOut = "auth.sign-out";
    public const string TwoFactorEnabled = "auth.2fa-enabled";
    public const string RecoveryCodeUsed = "auth.recovery-code-used";
    public const string AccountCreated = "account.created";
    public const string AccountChanged = "account.changed";
    public const string RolesChanged = "account.roles-changed";
    public const string ApiTokenCreated = "account.api-token-created";
    public const string OrgCreated = "org.created";
    public const string OrgEdited = "org.edited";
    public const string OrgMoved = "org.moved";
    public const string OrgMerged = "org.merged";
    public const string OrgDissolved = "org.dissolved";
    public const string SmsCodeSent = "sms.code-sent";
}