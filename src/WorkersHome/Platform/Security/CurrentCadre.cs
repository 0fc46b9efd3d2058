namespace WorkersHome.Platform.Security;

/// <summary>
/// Who is asking, resolved once per request by <see cref="DataScopeMiddleware"/> from the
/// authenticated principal and the database (so a moved org or a changed role takes effect at once).
/// </summary>
public sealed class CurrentCadre
{
    private IReadOnlySet<string> _permissions = new HashSet<string>();
    private IReadOnlyList<string> _roles = [];

    public bool IsSignedIn { get; private set; }

    /// <summary>An administrator who has not yet enrolled a second factor may do nothing else.</summary>
    public bool MustEnrolTwoFactor { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public long OrgId { get; private set; }

    public string OrgPath { get; private set; } = "";

    public string OrgName { get; private set; } = "";

    public IReadOnlyList<string> Roles => _roles;

    public IReadOnlySet<string> Permissions => _permissions;

    public Guid? UserIdOrNull => IsSignedIn ? UserId : null;

    public string? UserNameOrNull => IsSignedIn ? UserName : null;

    public bool Has(string permission) => _permissions.Contains(permission);

    /// <summary>Whether a materialised path lies inside this cadre's subtree.</summary>
    public bool Covers(string path) => IsSignedIn && path.StartsWith(OrgPath, StringComparison.Ordinal);

    internal void SignIn(Guid userId, string userName, string displayName, long orgId, string orgPath, string orgName,
        IReadOnlyList<string> roles, IReadOnlySet<string> permissions, bool mustEnrolTwoFactor)
    {
        IsSignedIn = true;
        MustEnrolTwoFactor = mustEnrolTwoFactor;
        UserId = userId;
        UserName = userName;
        DisplayName = displayName;
        OrgId = orgId;
        OrgPath = orgPath;
        OrgName = orgName;
        _roles = roles;
        _permissions = permissions;
    }
}