using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Platform.Notices;

namespace WorkersHome.Pages.m;

/// <summary>消息: the decisions the unions sent this phone, newest first; opening the list reads them.</summary>
[Authorize(Policy = MemberAuthentication.PhoneVerifiedPolicy)]
public sealed class NoticesModel(NoticeBoard board) : PageModel
{
    public IReadOnlyList<NoticeView> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var hash = User.FindFirst(MemberAuthentication.PhoneHashClaim)!.Value;
        Notices = await board.ForAsync(hash, ct);
        await board.MarkAllReadAsync(hash, ct);
    }
}