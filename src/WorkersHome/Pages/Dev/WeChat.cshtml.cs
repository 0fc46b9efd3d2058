using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

using WorkersHome.Modules.Rights.Messaging;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Outbox;

namespace WorkersHome.Pages.Dev;

/// <summary>
/// Development only: a WeChat user talking to the 12351 service account. Each message is signed and posted as the
/// real callback XML to the app's own endpoint; the page shows the passive reply and the later messages the outbox
/// holds for that user.
/// </summary>
public sealed partial class WeChatModel(WeChatSimulator simulator, IWebHostEnvironment env, IOptions<WeChatOptions> options) : PageModel
{
    /// <summary>Ready-made users, so that a tester can switch between two members' conversations.</summary>
    public static readonly string[] SampleUsers = ["oSim_zhangsan_0001", "oSim_lisi_0002"];

    [BindProperty]
    public string OpenId { get; set; } = SampleUsers[0];

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The last message's id, so that it can be sent again the way WeChat retries it.</summary>
    [BindProperty]
    public string? LastMsgId { get; set; }

    public SimulatedExchange? Exchange { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<OutboxMessage> Sent { get; private set; } = [];

    public bool Configured => options.Value.IsConfigured;

    public async Task<IActionResult> OnGetAsync(string? user, CancellationToken ct)
    {
        if (!Shown)
        {
            return NotFound();
        }

        if (user is not null && ValidOpenId().IsMatch(user))
        {
            OpenId = user;
        }

        Sent = await simulator.SentToAsync(OpenId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SendAsync(Text, WeChatSimulator.NewMsgId(), ct);

    public Task<IActionResult> OnPostResendAsync(CancellationToken ct) => SendAsync(Text, LastMsgId, ct);

    public Task<IActionResult> OnPostSubscribeAsync(CancellationToken ct) => SendAsync(null, null, ct);

    private bool Shown => env.IsDevelopment() || options.Value.ShowSimulator;

    private async Task<IActionResult> SendAsync(string? text, string? msgId, CancellationToken ct)
    {
        if (!Shown)
        {
            return NotFound();
        }

        if (!ValidOpenId().IsMatch(OpenId ?? ""))
        {
            Error = Loc.T("OpenID 只能由字母、数字、下划线和连字符组成（64 位以内）", "An OpenID has letters, digits, _ and - only (up to 64)");
        }
        else if (!Configured)
        {
            Error = Loc.T("未配置 Rights:WeChat:Token，回调地址不可用", "Rights:WeChat:Token is not configured; the callback is off");
        }
        else if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error = Loc.T("请输入消息内容", "Type a message");
        }
        else if (text is not null && msgId is null or { Length: 0 })
        {
            Error = Loc.T("没有可重发的消息", "There is no message to send again");
        }
        else
        {
            try
            {
                Exchange = await simulator.SendAsync(OpenId!, text?.Trim(), msgId, ct);
                LastMsgId = msgId ?? LastMsgId;
                // The hidden field shows the model's value, not the one posted.
                ModelState.Remove(nameof(LastMsgId));
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                Error = ex.Message;
            }
        }

        if (ValidOpenId().IsMatch(OpenId ?? ""))
        {
            Sent = await simulator.SentToAsync(OpenId!, ct);
        }

        return Page();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidOpenId();
}