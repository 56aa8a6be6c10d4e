using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelloWork.Domain;

/// <summary>Where the database is: <c>Database:Provider</c> (<c>Sqlite</c> default, or <c>Postgres</c>) and <c>ConnectionStrings:HelloWork</c>.</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString)
{
    /// <summary>The assembly with the PostgreSQL migrations (project in Data/Migrations/Postgres).</summary>
    public const string PostgresMigrationsAssembly = "HelloWork.Migrations.Postgres";

    public bool IsSqlite => Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connection = configuration.GetConnectionString("HelloWork");
        if (string.IsNullOrWhiteSpace(connection))
        {
            var folder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "hellowork.db")}";
        }
        return new DatabaseSettings(provider, connection);
    }

    /// <summary>The provider, its connection and the context's own extensions. With <paramref name="compiledModel"/>, the model is
    /// the provider's compiled one (Data/CompiledModels, written by scripts/add-migration.sh): a start does not build the model from
    /// the configuration, which was most of a warm start's database time (docs/startup.md). Without it (the design-time tools, the
    /// tests that compare the two), the model is built from the configuration.</summary>
    public void Configure(DbContextOptionsBuilder options, bool compiledModel = true)
    {
        if (IsSqlite)
        {
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));
            if (compiledModel)
            {
                options.UseModel(Data.CompiledModels.Sqlite.HelloWorkDbModel.Instance);
            }
        }
        else if (Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            // One context type, a migrations assembly per provider (EF Core docs, "Migrations with multiple providers").
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
            if (compiledModel)
            {
                options.UseModel(Data.CompiledModels.Postgres.HelloWorkDbModel.Instance);
            }
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{Provider}'. Use Sqlite or Postgres.");
        }
        // Here as well as in HelloWorkDb.OnConfiguring, which adds them to options that lack them: a pooled context's options may
        // not change there.
        HelloWorkDb.AddOwnParts(options);
    }
}

public static class DomainRegistration
{
    /// <summary>The domain's services: the context factory on the configured provider, the clock, the live bus, the operations.</summary>
    public static IServiceCollection AddHelloWorkDomain(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddSingleton(database);
        // Every context (the factory's and Identity's scoped one) signals the end of an account's access (AccessEndInterceptor).
        // Pooled: an operation takes a context that has its services resolved already and gives it back reset (EF Core "DbContext
        // pooling"); the context and its interceptors keep no state from one use to the next (AccessEndInterceptor keys its pending
        // signals by transaction, SecureDeleteInterceptor by native connection).
        services.AddPooledDbContextFactory<HelloWorkDb>((sp, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(new Accounts.AccessEndInterceptor(sp));
        });
        // Identity's stores take the context from the request's scope: a lease from the same pool, given back with the scope.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalDispatcher>();
        services.TryAddSingleton<ILiveBus, InProcessLiveBus>();
        services.AddSingleton<Operations>();
        services.AddSingleton<OpaqueTokens>();
        services.AddSingleton<ApplicationService>();
        services.AddSingleton<ApplicantQueries>();
        services.AddSingleton<NoticeService>();
        services.AddSingleton<Figures.FacilityTargets>();
        services.AddSingleton<Agencies.AgencyService>();
        services.AddSingleton<Agencies.AgencyDocuments>();
        services.AddSingleton<Agencies.Provision>();
        services.AddSingleton<Agencies.GuidanceInbox>();
        services.AddSingleton<JobOffers.JobOfferService>();
        services.AddSingleton<JobOffers.OfferChangeService>();
        services.AddSingleton<JobOffers.FillService>();
        services.AddSingleton<JobOffers.Law.MinimumWages>();
        services.AddSingleton<JobOffers.EmployerOffers>();
        services.AddSingleton<JobOffers.OfferExpiry>();
        services.AddSingleton<Referrals.ReferralDeadlineReminders>();
        services.AddSingleton<EmployerApplicants>();
        services.AddSingleton<Referrals.ReferralService>();
        services.AddSingleton<Messaging.MessageService>();
        services.AddSingleton<Documents.DocumentService>();
        services.AddSingleton<Accounts.AccountDirectory>();
        services.AddSingleton<Accounts.JobseekerProfileService>();
        services.AddSingleton<Figures.HomeCounts>();
        services.AddSingleton<JobOffers.ReviewQueue>();
        services.AddSingleton<Referrals.Matching>();
        services.AddSingleton<Referrals.ReferralBoard>();
        services.AddSingleton<Accounts.OfficeRegistration>();
        services.AddSingleton<Registration.PreRegistrationService>();
        services.AddSingleton<Figures.OfficeFigures>();
        services.AddSingleton<Figures.Scorecard>();
        services.AddSingleton<Evaluation.EvaluationTargets>();
        services.AddSingleton<Evaluation.Survey>();
        services.AddSingleton<Evaluation.Publication>();
        services.AddSingleton<Evaluation.YearlyEvaluation>();
        services.AddSingleton<Evaluation.BureauOversight>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<Search.JobSearch>();
        services.AddSingleton<Search.SavedItemsService>();
        services.AddSingleton<Search.DirectRequestService>();
        services.AddSingleton<Search.ProfileSearch>();
        services.AddSingleton<Search.DirectRequestSender>();
        services.AddSingleton<Accounts.EstablishmentProfileService>();
        services.AddSingleton<Accounts.ImageReviewService>();
        services.AddSingleton<Accounts.EstablishmentUsers>();
        services.AddSingleton<Referrals.MyReferralsQuery>();
        services.AddSingleton<MyApplications>();
        services.AddSingleton<Documents.DocumentRetention>();
        services.AddSingleton<Audit.AccessLog>();
        services.AddSingleton<Bookings.TrainingCourses>();
        services.AddSingleton<Bookings.EventBookings>();
        services.AddSingleton<Bookings.Appointments>();
        services.AddSingleton<Bookings.BookingReminders>();
        return services;
    }
}
