using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Figures;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using HelloWork.Domain.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelloWork.Domain.Data;

/// <summary>The portal's one database: Identity tables and every domain entity. Created per operation from
/// <c>IDbContextFactory</c>, never held by a circuit.</summary>
public sealed class HelloWorkDb(DbContextOptions<HelloWorkDb> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Establishment> Establishments => Set<Establishment>();
    public DbSet<EstablishmentImage> EstablishmentImages => Set<EstablishmentImage>();
    public DbSet<Jobseeker> Jobseekers => Set<Jobseeker>();
    public DbSet<Registration.PreRegistration> PreRegistrations => Set<Registration.PreRegistration>();
    public DbSet<JobOffer> JobOffers => Set<JobOffer>();
    public DbSet<OfferVersion> OfferVersions => Set<OfferVersion>();
    public DbSet<OfferAdvice> OfferAdvices => Set<OfferAdvice>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeCounter> NoticeCounters => Set<NoticeCounter>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<Favourite> Favourites => Set<Favourite>();
    public DbSet<DirectRequest> DirectRequests => Set<DirectRequest>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyApiKey> AgencyApiKeys => Set<AgencyApiKey>();
    public DbSet<AgencyDocument> AgencyDocuments => Set<AgencyDocument>();
    public DbSet<GuidanceMessage> GuidanceMessages => Set<GuidanceMessage>();
    public DbSet<AgencyRefusal> AgencyRefusals => Set<AgencyRefusal>();
    public DbSet<AgencyUsage> AgencyUsages => Set<AgencyUsage>();
    public DbSet<PlacementReport> PlacementReports => Set<PlacementReport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IntegratedFacilityTarget> IntegratedFacilityTargets => Set<IntegratedFacilityTarget>();
    public DbSet<Evaluation.OfficeTarget> OfficeTargets => Set<Evaluation.OfficeTarget>();
    public DbSet<Evaluation.SurveyAnswer> SurveyAnswers => Set<Evaluation.SurveyAnswer>();
    public DbSet<Evaluation.SurveyOffer> SurveyOffers => Set<Evaluation.SurveyOffer>();
    public DbSet<Evaluation.PriorityItemRecord> PriorityItemRecords => Set<Evaluation.PriorityItemRecord>();
    public DbSet<Evaluation.OfficeEvaluation> OfficeEvaluations => Set<Evaluation.OfficeEvaluation>();
    public DbSet<Common.ServerSecret> ServerSecrets => Set<Common.ServerSecret>();
    public DbSet<Mail.OutboxMail> OutboxMails => Set<Mail.OutboxMail>();
    public DbSet<Mail.AccountToken> AccountTokens => Set<Mail.AccountToken>();
    public DbSet<Mail.MailPreference> MailPreferences => Set<Mail.MailPreference>();
    public DbSet<JobOffers.Law.MinimumWageRate> MinimumWageRates => Set<JobOffers.Law.MinimumWageRate>();
    public DbSet<Bookings.TrainingCourse> TrainingCourses => Set<Bookings.TrainingCourse>();
    public DbSet<Bookings.TrainingFavourite> TrainingFavourites => Set<Bookings.TrainingFavourite>();
    public DbSet<Bookings.OfficeEvent> OfficeEvents => Set<Bookings.OfficeEvent>();
    public DbSet<Bookings.EventOffer> EventOffers => Set<Bookings.EventOffer>();
    public DbSet<Bookings.EventBooking> EventBookings => Set<Bookings.EventBooking>();
    public DbSet<Bookings.CounsellingSlot> CounsellingSlots => Set<Bookings.CounsellingSlot>();
    public DbSet<Bookings.NamedCounsellor> NamedCounsellors => Set<Bookings.NamedCounsellor>();

    /// <summary>Every context, however its options were built (the app, tests, the benchmark), has its own parts (<see cref="AddOwnParts"/>).
    /// Options that have them already (<see cref="DatabaseSettings.Configure"/>, and so the pooled factory, whose options may not change
    /// here) are left as they are.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => AddOwnParts(optionsBuilder);

    /// <summary>What the context needs whatever the provider, added where missing: secure deletion on SQLite (R-DOC-1; it does
    /// nothing on a PostgreSQL connection) and the search's SQL translator (<see cref="Search.SearchSql"/>).</summary>
    internal static void AddOwnParts(DbContextOptionsBuilder options)
    {
        if (options.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.Contains(SecureDeleteInterceptor.Instance) != true)
        {
            options.AddInterceptors(SecureDeleteInterceptor.Instance);
        }
        Search.SearchSql.Use(options);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HelloWorkDb).Assembly);
        if (Database.IsSqlite())
        {
            JobOfferConfiguration.ExportIndex(builder.Entity<JobOffer>());
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type and cannot compare or order the text form. All instants come from
        // TimeProvider in UTC, so they are stored as UTC ticks: exact, ordered, comparable on every provider.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes only offset 0; some instants are computed in Japan time (JapanTime.StartOf).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
        }
    }

    // Internal, not private: the compiled models (Data/CompiledModels) create them.
    internal sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);

    internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
