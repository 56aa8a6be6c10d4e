using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>GET /health: 200 when the database answers, 503 otherwise.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDbContextFactory<HelloWorkDb> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "Healthy" })
                : Results.Json(new { status = "Unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");
}
