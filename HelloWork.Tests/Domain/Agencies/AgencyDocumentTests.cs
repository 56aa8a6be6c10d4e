using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Agencies;

/// <summary>
/// The documents of an agency's application (R-AGY-1; seed 003: 「一定の要件をクリアし、労働局に利用を承諾された対象団体等」): the agency
/// adds and removes its own while the application is open, a first approval waits for the required ones, only the administrators and the
/// agency itself read them (R-ACC-4), and every change and administrator's download is audited (R-AUD-1).
/// </summary>
public sealed class AgencyDocumentTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Actor Admin = new(Guid.NewGuid(), Roles.Admin, "admin");
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private DomainWorld world = default!;

    public async ValueTask InitializeAsync() => world = await DomainWorld.CreateAsync();

    public ValueTask DisposeAsync() => world.DisposeAsync();

    private AgencyService Agencies => new(world.Ops, world.Tokens);

    private AgencyDocuments Documents => new(world.Ops);

    private async Task<(Guid Id, Actor Actor)> ApplyAsync(string name, AgencyKind kind)
    {
        var id = await world.AppliedAgencyAsync(name, kind, Agency.NeedsLicense(kind) ? "13-ユ-300001" : null);
        return (id, new Actor(Guid.NewGuid(), Roles.Agency, name, AgencyId: id));
    }

    private Task<List<string>> AuditAsync(Guid agencyId) => world.WithDbAsync(db => db.AuditEntries
        .Where(e => e.SubjectId == agencyId && e.Action.StartsWith("AgencyDocument")).OrderBy(e => e.At).Select(e => e.Action).ToListAsync(Ct));

    [Fact]
    public async Task A_placement_business_is_approved_only_once_its_application_form_and_licence_copy_are_in()
    {
        var (id, agency) = await ApplyAsync("株式会社みらい人材", AgencyKind.PrivatePaid);

        // Nothing submitted: refused with the first missing document named, nothing changes.
        var none = await Assert.ThrowsAsync<DomainException>(() => Agencies.ApproveAsync(Admin, id, Ct));
        Assert.Equal(ErrorCodes.AgencyApplicationFormMissing, none.Code);
        await Documents.UploadAsync(agency, AgencyDocumentKind.ApplicationForm, new UploadedFile("利用申請書.pdf", Pdf), Ct);
        await Documents.UploadAsync(agency, AgencyDocumentKind.Pledge, new UploadedFile("誓約書.png", Png), Ct);
        var noLicence = await Assert.ThrowsAsync<DomainException>(() => Agencies.ApproveAsync(Admin, id, Ct));
        Assert.Equal(ErrorCodes.AgencyLicenseCopyMissing, noLicence.Code);
        var listed = (await Agencies.ApplicationsAsync(Admin, Ct)).Single(a => a.Id == id);
        Assert.Equal(AgencyStatus.Pending, listed.Status);
        Assert.Equal([AgencyDocumentKind.LicenseCopy], listed.MissingDocuments);
        Assert.Equal([(AgencyDocumentKind.ApplicationForm, "利用申請書.pdf", FileSniffer.Pdf), (AgencyDocumentKind.Pledge, "誓約書.png", FileSniffer.Png)],
            listed.Documents.Select(d => (d.Kind, d.FileName, d.ContentType)));

        await Documents.UploadAsync(agency, AgencyDocumentKind.LicenseCopy, new UploadedFile("許可証.pdf", Pdf), Ct);
        await Agencies.ApproveAsync(Admin, id, Ct);
        Assert.Equal(AgencyStatus.Approved, (await Agencies.OwnApplicationAsync(agency, Ct)).Status);

        // Once approved, the documents stay as the record of the approval: the agency can no longer add or remove one.
        var own = await Documents.OwnAsync(agency, Ct);
        Assert.Equal(3, own.Count);
        var closed = await Assert.ThrowsAsync<DomainException>(() => Documents.RemoveAsync(agency, own[0].Id, Ct));
        Assert.Equal(ErrorCodes.AgencyApplicationClosed, closed.Code);
        closed = await Assert.ThrowsAsync<DomainException>(() => Documents.UploadAsync(agency, AgencyDocumentKind.Other, new UploadedFile("追加.pdf", Pdf), Ct));
        Assert.Equal(ErrorCodes.AgencyApplicationClosed, closed.Code);
        Assert.Equal(3, (await Documents.OwnAsync(agency, Ct)).Count);
        // A suspension lifted later needs no documents again.
        await Agencies.SuspendAsync(Admin, id, Ct);
        await Agencies.ApproveAsync(Admin, id, Ct);
    }

    [Fact]
    public async Task A_local_government_needs_only_its_application_form()
    {
        Assert.Equal([AgencyDocumentKind.ApplicationForm], AgencyDocument.RequiredFor(AgencyKind.LocalGovernment));
        Assert.Equal([AgencyDocumentKind.ApplicationForm], AgencyDocument.RequiredFor(AgencyKind.School));
        Assert.Equal([AgencyDocumentKind.ApplicationForm, AgencyDocumentKind.LicenseCopy], AgencyDocument.RequiredFor(AgencyKind.PrivateFree));
        var (id, agency) = await ApplyAsync("みらい市 就労支援課", AgencyKind.LocalGovernment);
        await Documents.UploadAsync(agency, AgencyDocumentKind.ApplicationForm, new UploadedFile("申請書.pdf", Pdf), Ct);
        await Agencies.ApproveAsync(Admin, id, Ct);
        Assert.Equal(AgencyStatus.Approved, (await Agencies.OwnApplicationAsync(agency, Ct)).Status);
    }

    [Fact]
    public async Task A_returned_agency_replaces_a_document_and_applies_again_and_the_administrators_are_told_of_each_change()
    {
        var (id, agency) = await ApplyAsync("学校法人みらい学園", AgencyKind.School);
        var wrong = await Documents.UploadAsync(agency, AgencyDocumentKind.ApplicationForm, new UploadedFile("古い申請書.pdf", Pdf), Ct);
        await Agencies.ReturnAsync(Admin, id, "申請書の押印がありません。", Ct);

        await Documents.RemoveAsync(agency, wrong, Ct);
        Assert.Equal(0, await world.WithDbAsync(db => db.AgencyDocuments.CountAsync(d => d.Id == wrong, Ct))); // content gone with the row
        await Documents.UploadAsync(agency, AgencyDocumentKind.ApplicationForm, new UploadedFile("申請書（押印済み）.pdf", Pdf), Ct);
        await Agencies.ResubmitAsync(agency, "学校法人みらい学園", AgencyKind.School, null, Ct);
        await Agencies.ApproveAsync(Admin, id, Ct);

        Assert.Equal(["申請書（押印済み）.pdf"], (await Documents.OwnAsync(agency, Ct)).Select(d => d.FileName));
        // The first upload, the removal, the second upload and the re-submission: each a notice to the administrators, whose open list
        // reloads (R-LIVE-1). (The application itself is told by the registration of its account, AccountService, not made here.)
        Assert.Equal(4, await world.WithDbAsync(db => db.Notices.CountAsync(n => n.Recipient == Recipients.Admins && n.Kind == NoticeKind.AgencyApplied
            && n.SubjectId == id, Ct)));
        Assert.Equal([AuditActions.AgencyDocumentUploaded, AuditActions.AgencyDocumentRemoved, AuditActions.AgencyDocumentUploaded], await AuditAsync(id));
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_and_changes_nothing()
    {
        var (id, agency) = await ApplyAsync("みらい町 商工観光課", AgencyKind.LocalGovernment);
        async Task<string> Refused(UploadedFile file, AgencyDocumentKind kind = AgencyDocumentKind.Other) =>
            (await Assert.ThrowsAsync<DomainException>(() => Documents.UploadAsync(agency, kind, file, Ct))).Code;

        Assert.Equal(ErrorCodes.FileEmpty, await Refused(new UploadedFile("空.pdf", [])));
        Assert.Equal(ErrorCodes.FileTooLarge, await Refused(new UploadedFile("大きい.pdf", [.. Pdf, .. new byte[AgencyDocument.MaxBytes]])));
        // The type is told by the content: a Word file named .pdf, and text, are refused; so is a kind that does not exist.
        Assert.Equal(ErrorCodes.AgencyDocumentTypeNotAccepted, await Refused(new UploadedFile("申請書.pdf", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])));
        Assert.Equal(ErrorCodes.AgencyDocumentTypeNotAccepted, await Refused(new UploadedFile("申請書.pdf", [.. "申請書です"u8])));
        Assert.Equal(ErrorCodes.InvalidChoice, await Refused(new UploadedFile("申請書.pdf", Pdf), (AgencyDocumentKind)99));
        Assert.Equal(0, await world.WithDbAsync(db => db.AgencyDocuments.CountAsync(d => d.AgencyId == id, Ct)));

        for (var i = 0; i < AgencyDocument.MaxPerAgency; i++)
        {
            await Documents.UploadAsync(agency, AgencyDocumentKind.Other, new UploadedFile($"資料{i}.pdf", Pdf), Ct);
        }
        Assert.Equal(ErrorCodes.TooManyAgencyDocuments, await Refused(new UploadedFile("11件目.pdf", Pdf)));
        Assert.Equal(AgencyDocument.MaxPerAgency, await world.WithDbAsync(db => db.AgencyDocuments.CountAsync(d => d.AgencyId == id, Ct)));
    }

    [Fact]
    public async Task Only_the_administrators_and_the_agency_itself_read_a_document_and_only_the_administrators_reading_is_audited()
    {
        var (id, agency) = await ApplyAsync("株式会社さくら人材", AgencyKind.PrivateFree);
        var (_, other) = await ApplyAsync("株式会社あおば人材", AgencyKind.PrivateFree);
        var document = await Documents.UploadAsync(agency, AgencyDocumentKind.LicenseCopy, new UploadedFile("許可証.pdf", Pdf), Ct);
        var bureau = new Actor(Guid.NewGuid(), Roles.Bureau, "bureau", Prefecture: "東京都");

        // R-ACC-4: another agency, a jobseeker, an employer, staff and the labour bureau are refused; none can remove it either.
        foreach (var stranger in new[] { other, world.JobseekerActor1, world.EmployerActor1, world.StaffActor1, bureau })
        {
            await Assert.ThrowsAsync<ScopeException>(() => Documents.FileAsync(stranger, document, Ct));
            await Assert.ThrowsAsync<ScopeException>(() => Documents.RemoveAsync(stranger, document, Ct));
            if (!stranger.IsAgency)
            {
                await Assert.ThrowsAsync<ScopeException>(() => Documents.OwnAsync(stranger, Ct));
            }
        }
        Assert.Empty(await Documents.OwnAsync(other, Ct));
        Assert.Equal(1, await world.WithDbAsync(db => db.AgencyDocuments.CountAsync(d => d.Id == document, Ct)));
        Assert.Null(await Documents.FileAsync(Admin, Guid.NewGuid(), Ct)); // unknown: null, which the endpoint answers like a refusal

        var own = await Documents.FileAsync(agency, document, Ct);
        var admin = await Documents.FileAsync(Admin, document, Ct);
        Assert.Equal(("許可証.pdf", FileSniffer.Pdf), (own!.FileName, own.ContentType));
        Assert.Equal(Pdf, own.Content);
        Assert.Equal(Pdf, admin!.Content);
        Assert.Equal([AuditActions.AgencyDocumentUploaded, AuditActions.AgencyDocumentViewed], await AuditAsync(id));
        var viewed = await world.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AgencyDocumentViewed, Ct));
        Assert.Equal((Admin.UserId, document.ToString()), (viewed.ActorUserId, viewed.Detail));
    }
}
