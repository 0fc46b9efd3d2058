using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;

namespace WorkersHome.Pages.Organizations;

/// <summary>Turns the use cases' refusals into form errors and the 409 notice the pages show.</summary>
public abstract class OrgPageModel : PageModel
{
    public string? Conflict { get; protected set; }

    /// <summary>Form field names are "Input.Name" where the use case says "Name".</summary>
    protected virtual string FieldPrefix => "";

    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action, Func<Task> reload)
    {
        try
        {
            return await action();
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