using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Localization;

namespace WorkersHome.Platform.Errors;

/// <summary>A field-by-field refusal; the messages are already in the user's language.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("validation failed")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Not there, or not in the asker's subtree: both answer 404 so nothing leaks.</summary>
public sealed class NotFoundException() : Exception("not found");

public sealed class ConflictException(string message) : Exception(message);

public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Collects field errors and throws them together.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public FieldErrors Add(string field, string zh, string en)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(Loc.T(zh, en));
        return this;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

public static class ProblemResults
{
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static Task Write(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title }, JsonOptions, "application/problem+json");
    }

    public static string StaleMessage => Loc.T("数据已被他人修改，请刷新后重试", "Changed by someone else, reload and try again");

    public static string NotFoundMessage => Loc.T("未找到", "Not found");

    /// <summary>
    /// A JSON body whose value cannot be read as its field's type ("abc" for an amount, 1e308 for a decimal): the
    /// field is named by its JSON path, as a form names it, instead of a bare "malformed request".
    /// </summary>
    private static ValidationProblemDetails UnreadableField(string field) =>
        new(new Dictionary<string, string[]>
        {
            [field] = [Loc.T($"{field} 的值无法识别：请填写正确格式的数字、日期或选项", $"The value of {field} cannot be read: give a number, date or choice in the right format")],
        })
        {
            Status = 400,
            Title = Loc.T("输入有误", "Invalid input"),
        };

    /// <summary>Maps the domain exceptions to ProblemDetails for the API, and to pages for browsers.</summary>
    public static IApplicationBuilder UseProblemPipeline(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Refusals are answers, not faults: only unexpected exceptions are logged as errors.
            SuppressDiagnosticsCallback = c => c.Exception is ValidationFailedException or NotFoundException or ConflictException
                or ForbiddenException or DbUpdateConcurrencyException or Sms.TooManyRequestsException or BadHttpRequestException,
            StatusCodeSelector = ex => ex switch
            {
                ValidationFailedException => StatusCodes.Status400BadRequest,
                NotFoundException => StatusCodes.Status404NotFound,
                ConflictException or DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
                ForbiddenException => StatusCodes.Status403Forbidden,
                Sms.TooManyRequestsException => StatusCodes.Status429TooManyRequests,
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            },
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var problem = error switch
                {
                    ValidationFailedException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
                    {
                        Status = 400,
                        Title = Loc.T("输入有误", "Invalid input"),
                    },
                    NotFoundException => new ProblemDetails { Status = 404, Title = NotFoundMessage },
                    DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = StaleMessage },
                    ConflictException c => new ProblemDetails { Status = 409, Title = c.Message },
                    ForbiddenException f => new ProblemDetails { Status = 403, Title = f.Message },
                    Sms.TooManyRequestsException t => new ProblemDetails { Status = 429, Title = t.Message },
                    BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 2 } path } } => UnreadableField(path[2..]),
                    BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = Loc.T("请求格式有误", "Malformed request") },
                    _ => new ProblemDetails { Status = 500, Title = Loc.T("服务器内部错误", "Internal server error") },
                };
                context.Response.StatusCode = problem.Status ?? 500;
                if (Security.SecuritySetup.IsApiRequest(context.Request))
                {
                    await context.Response.WriteAsJsonAsync(problem, problem.GetType(), JsonOptions, "application/problem+json");
                }

                // Pages: an empty body lets the status-code pages render the error in the layout.
            },
        });
}