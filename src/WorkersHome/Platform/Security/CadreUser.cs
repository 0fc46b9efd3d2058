using Microsoft.AspNetCore.Identity;

namespace WorkersHome.Platform.Security;

/// <summary>A cadre's account: belongs to exactly one org node and holds roles.</summary>
public sealed class CadreUser : IdentityUser<Guid>
{
    public long OrgId { get; set; }

    public string DisplayName { get; set; } = "";

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class CadreRole : IdentityRole<Guid>
{
}