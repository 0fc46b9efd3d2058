using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using WorkersHome.Platform.Outbox;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Pages.Dev;

/// <summary>Development only: the SMS messages the outbox holds, so that a tester can read a sign-in code.</summary>
public sealed class SmsModel(SmsOutboxQueries outbox, IWebHostEnvironment env, IConfiguration config) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!env.IsDevelopment() && !config.GetValue("Sms:ShowOutboxPage", false))
        {
            return NotFound();
        }

        Messages = await outbox.LatestAsync(100, ct);
        return Page();
    }
}