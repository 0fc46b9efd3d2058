using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;

namespace WorkersHome.Pages.Shared;

/// <summary>Turns the use cases' refusals into form errors and the 409 notice the pages show.</summary>
public abstract class OrgPageModel : PageModel
{
    public string? Conflict { get; protected set; }

    private bool _bindingFailed;

    /// <summary>Form field names are "Input.Name" where the use case says "Name".</summary>
    protected virtual string FieldPrefix => "";

    /// <summary>
    /// Drops the binder's findings except the values it could not read ("abc" or "1e308" in an amount): the use cases
    /// name every missing or wrong field themselves, but they would see such a value only as missing ("请填写…").
    /// Those failures, worded by <see cref="BindingMessages"/>, are shown instead and the step is not run.
    /// </summary>
    protected void KeepBindingFailures()
    {
        foreach (var (key, entry) in ModelState.ToList())
        {
            if (entry is null || entry.Errors.Count == 0 || string.IsNullOrWhiteSpace(entry.AttemptedValue))
            {
                ModelState.Remove(key);
            }
        }

        _bindingFailed = ModelState.ErrorCount > 0;
    }

    /// <summary>
    /// One step of a case on a page: refused unless the cadre holds the permission for it; done, it leaves a notice and
    /// goes back to the page (so a reload does not repeat it); refused by the use case, it shows the page again.
    /// </summary>
    protected async Task<IActionResult> StepAsync(bool permitted, Func<Task> step, string? done, object? route, Func<Task> reload)
    {
        if (!permitted)
        {
            return Forbid();
        }

        KeepBindingFailures();
        return await RunAsync(async () =>
        {
            await step();
            if (done is not null)
            {
                TempData["Notice"] = done;
            }

            return RedirectToPage(route);
        }, reload);
    }

    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action, Func<Task> reload)
    {
        try
        {
            if (!_bindingFailed)
            {
                return await action();
            }
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FieldPrefix + field, message);
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = ProblemResults.StaleMessage;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (ConflictException ex)
        {
            Conflict = ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (ForbiddenException ex)
        {
            Conflict = ex.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        await reload();
        return Page();
    }
}