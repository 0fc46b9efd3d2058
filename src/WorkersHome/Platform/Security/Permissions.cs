using WorkersHome.Platform.Localization;

namespace WorkersHome.Platform.Security;

/// <summary>Role names. Roles are fixed; what each may do is declared by the modules.</summary>
public static class Roles
{
    public const string SystemAdministrator = "SystemAdministrator";
    public const string UnionAdministrator = "UnionAdministrator";
    public const string MemberOfficer = "MemberOfficer";
    public const string Auditor = "Auditor";

    /// <summary>帮扶: keeps the hardship archive and sees the household's health and income.</summary>
    public const string AssistanceOfficer = "AssistanceOfficer";

    /// <summary>财务: confirms and sends assistance payment batches and imports the bank's results.</summary>
    public const string FinanceOfficer = "FinanceOfficer";

    /// <summary>12351 坐席: takes calls and messages into cases and answers consultations.</summary>
    public const string HotlineAgent = "HotlineAgent";

    /// <summary>维权: handles the rights cases routed to their union (accepts, acts, records recovered wages, closes, calls back).</summary>
    public const string RightsOfficer = "RightsOfficer";

    public static readonly string[] All = [SystemAdministrator, UnionAdministrator, MemberOfficer, AssistanceOfficer, FinanceOfficer, HotlineAgent, RightsOfficer, Auditor];

    /// <summary>Administrator roles must sign in with a second factor.</summary>
    public static bool RequiresTwoFactor(string role) =>
        role is SystemAdministrator or UnionAdministrator;

    public static LocalizedText Label(string role) => role switch
    {
        SystemAdministrator => new("系统管理员", "System administrator"),
        UnionAdministrator => new("工会管理员", "Union administrator"),
        MemberOfficer => new("会员工作人员", "Member officer"),
        Auditor => new("安全审计员", "Auditor"),
        AssistanceOfficer => new("帮扶工作人员", "Assistance officer"),
        FinanceOfficer => new("财务人员", "Finance officer"),
        HotlineAgent => new("12351 热线坐席", "12351 hotline agent"),
        RightsOfficer => new("维权工作人员", "Rights officer"),
        _ => new(role, role),
    };
}

public sealed record PermissionDefinition(string Name, LocalizedText Label, IReadOnlySet<string> GrantedToRoles);

/// <summary>
/// Every module declares its permissions and which roles hold them at start-up;
/// checks ask this registry, never a list kept elsewhere.
/// </summary>
public sealed class PermissionRegistry
{
    private readonly Dictionary<string, PermissionDefinition> _permissions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<PermissionDefinition> All => _permissions.Values;

    public PermissionRegistry Declare(string name, string zh, string en, params string[] grantedTo)
    {
        _permissions[name] = new PermissionDefinition(name, new LocalizedText(zh, en), grantedTo.ToHashSet(StringComparer.Ordinal));
        return this;
    }

    public IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles)
    {
        var roleSet = roles.ToHashSet(StringComparer.Ordinal);
        return _permissions.Values
            .Where(p => p.GrantedToRoles.Overlaps(roleSet))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A cadre may grant a role only if every permission of that role is already theirs.</summary>
    public bool CanGrant(IEnumerable<string> granterRoles, string role)
    {
        // The system administrator runs the accounts (三员分立: grants roles, but reads no audit trail itself).
        if (granterRoles.Contains(Roles.SystemAdministrator))
        {
            return true;
        }

        if (role == Roles.SystemAdministrator)
        {
            return false;
        }

        var held = PermissionsOf(granterRoles);
        return PermissionsOf([role]).All(held.Contains);
    }
}