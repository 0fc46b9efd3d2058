using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Browse;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.Members;

/// <summary>Which groups a member belongs to (model worker, hardship household), for offers limited to them.</summary>
[Authorize(Policy = MemberPermissions.Manage)]
public sealed class GroupsModel(MemberQueries members, SetMemberGroups set) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<MemberGroups> Groups { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public MemberRow Member { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Member = await members.GetAsync(Id, ct);
        (Groups, Version) = (MemberGroupNames.All.Select(g => g.Group).Where(g => Member.Groups.HasFlag(g)).ToList(), Member.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            // The hardship mark is the archive's to set; the form shows it but keeps it as it is.
            var current = (await members.GetAsync(Id, ct)).Groups & MemberGroups.Hardship;
            var chosen = Groups.Aggregate(MemberGroups.None, (all, g) => all | g) & ~MemberGroups.Hardship;
            await set.ExecuteAsync(Id, new GroupsRequest(chosen | current, Version), ct);
            TempData["Notice"] = Loc.T("会员群体已保存", "Groups saved");
            return Redirect($"/Members/Detail/{Id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Loc.T("该会员信息已被他人修改，请查看最新内容后再保存", "Someone changed this member meanwhile; check and save again");
        }

        Member = await members.GetAsync(Id, ct);
        Version = Member.Version;
        return Page();
    }
}