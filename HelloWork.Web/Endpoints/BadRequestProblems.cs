namespace HelloWork.Web.Endpoints;

/// <summary>
/// A request the endpoints cannot read (a JSON body of the wrong shape — an array where an object belongs, a number where text
/// belongs —, a query value that is not a number) is answered 400 with problem details naming the parameter, in every
/// environment. Before, in Development the developer exception page answered with the whole stack trace, and elsewhere an empty
/// 400 was re-executed into the "not found" page (found by the fuzz test, issue 9; R-ERR-1).
/// </summary>
public static class BadRequestProblems
{
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services) =>
        // Throwing in every environment lets the middleware below answer the same way everywhere.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    public static IApplicationBuilder UseBadRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = e.StatusCode,
                    Title = "The request could not be read.",
                    // The framework's own sentence names the parameter and the source, never a type's internals.
                    Detail = e.Message,
                },
            });
        }
    });
}
