using WorkersHome.Platform.Persistence;

namespace WorkersHome.Platform.Health;

public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", async (AppDbContext db, CancellationToken ct) =>
        {
            bool ready;
            try
            {
                ready = await DatabaseSetup.IsCurrentAsync(db, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ready = false;
            }

            return ready
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "not ready" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}