using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Http;

/// <summary>The host starts on an empty database, migrates it, seeds the demo data and answers.</summary>
public sealed class HealthTests(PortalHost portal)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_first_start_seeds_the_demo_data()
    {
        var (offices, establishments, offers, jobseekers) = await portal.QueryAsync(async db =>
            (await db.Offices.CountAsync(), await db.Establishments.CountAsync(), await db.JobOffers.CountAsync(), await db.Jobseekers.CountAsync()));

        Assert.True(offices >= 3, $"{offices} offices");
        Assert.True(establishments >= 30, $"{establishments} establishments");
        Assert.True(offers >= 300, $"{offers} offers");
        Assert.True(jobseekers >= 100, $"{jobseekers} jobseekers");
    }

    [Fact]
    public async Task The_sign_in_page_is_served()
    {
        using var client = await portal.NewClientAsync();

        var page = await Forms.GetPageAsync(client, "/Account/Login");

        Assert.Equal("マイページにログイン", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.GetElementById("email"));
        Assert.NotNull(page.GetElementById("password"));
    }
}
