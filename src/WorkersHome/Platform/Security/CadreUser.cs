using Microsoft.AspNetCore.Identity;

namespace WorkersHome.Platform.Security;

/// <summary>A cadre's account: belongs to exactly one org node and holds roles.</summary>
public sealed class CadreUser : IdentityUser<Guid>
{
    public long OrgId { get; set; }

    public string DisplayName { get; set; } = "";

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The blind index of the cadre's own resident ID number, when registered: approvals of money compare it with an
    /// application's household, so that nobody approves their own or a relative's application.
    /// </summary>
    public string? PersonIdHash { get; set; }
}

public sealed class CadreRole : IdentityRole<Guid>
{
}