using HelloWork.Web.Components;
using HelloWork.Web.Endpoints;
using HelloWork.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddHelloWorkLogging();
builder.AddHelloWorkWeb();

var app = builder.Build();

await app.InitialiseDatabaseAsync();

app.UseHelloWorkPipeline();

app.MapStaticAssets();
app.MapHelloWorkEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
