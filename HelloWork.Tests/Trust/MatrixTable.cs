namespace HelloWork.Tests.Trust;

/// <summary>
/// THE authorization matrix (R-ACC-4): for every route the running portal serves — Razor pages, minimal-API
/// endpoints, framework endpoints, hub methods — what each kind of visitor gets. <see cref="MatrixTests"/> discovers the
/// routes from the app's own endpoint data and fails for any route that has no row here, so a new page cannot ship
/// without a decision about who may see it. How to add a row: docs/trust-matrix.md.
///
/// Columns: anonymous | jobseeker | employer | staff | agency | admin | bureau. Each role column is checked with both demo accounts of
/// the role (jobseeker1/2, employer1/2, staff1/2, agency1/2, bureau1/2 (労働局 of 東京都 and 大阪府); admin). A cell is one outcome, or <c>own/foreign</c> for routes
/// whose parameter names an object that belongs to someone: <c>own</c> applies when the account owns the object (its
/// application, its establishment's offer, its office's referral, its recipient key), <c>foreign</c> when someone else does.
///
/// Outcomes:
///   ok     allowed: pages 200 with the page's own content (and the object's marker, e.g. the applicant's name); endpoints 2xx
///          (or a redirect inside the portal); hub calls return.
///   login  sign in first: pages 302 to /Account/Login; endpoints 401 or 302 to /Account/Login; hub connection refused (401).
///   denied pages 302 to /Account/AccessDenied (or the access-denied view); endpoints 403 or 302 there; hub call refused.
///   home   a signed-in visitor is sent on to the home page of their role (302 to /jobseeker, /employer …).
///   sup    staff only when a supervisor (staff1); other staff are denied.
///   404    not found: 404, or the page's "見つかりません" view.
///   400    refused as malformed: framework endpoints that only a Blazor/SignalR client can use, and form posts without the
///          antiforgery token (sign-out).
/// A route key is <c>PAGE pattern</c> for Razor pages (checked with GET), <c>METHOD pattern</c> for endpoints (<c>ANY</c>
/// when the endpoint takes any method: the check uses POST), <c>HUB pattern Method</c> for hub methods.
/// Every outcome but ok also asserts that none of the object's markers (names, titles) is in the body.
/// </summary>
public static class MatrixTable
{
    public enum Objects
    {
        /// <summary>No object in the route.</summary>
        None,
        /// <summary>{Id}: an offer of employer1's and one of employer2's establishment (drafts: never public).</summary>
        EmployerOffer,
        /// <summary>{JobNumber}: a published offer (public: nobody owns it).</summary>
        PublishedJob,
        /// <summary>{Id}: jobseeker1's application to employer1 and jobseeker2's application to employer2.</summary>
        Application,
        /// <summary>{id}: a referral slip of office 13010 (jobseeker1, employer1) and one of office 27010.</summary>
        ReferralSlip,
        /// <summary>{id}: an uploaded document of each of the two applications above.</summary>
        ApplicationDocument,
        /// <summary>{id}: a document of agency1's and of agency2's application (利用申請の添付書類, demo data): the agency's own, and the
        /// administrators' to review.</summary>
        AgencyDocument,
        /// <summary>{fiscalYear}/{quarter}: the current fiscal year's first quarter (staff see their own office only).</summary>
        FiscalQuarter,
        /// <summary>{id}: one of employer1's demo pictures, public because employer1 has open offers that show its name.</summary>
        PublicEstablishmentImage,
        /// <summary>The recipient keys (user, establishment, office, agency) of every demo account.</summary>
        RecipientKey,
        /// <summary>{token}: agency1's and agency2's own token (R-AGY-2) for one demo jobseeker whose consent covers both agencies.</summary>
        AgencyProfileToken,
        /// <summary>{Id}: a demo event of office 13010 and one of office 27010: public to jobseekers, managed by the office's staff.</summary>
        OfficeEvent,
        /// <summary>{Id}: a demo training course (public to jobseekers; nobody owns it on the jobseeker's side).</summary>
        TrainingCourse,
        /// <summary>{ReceiptNumber}: a 求職申込み sent from home to office 13010 and one sent to office 27010 (R-REG-2): owned by the staff
        /// of that office; the person's name is its marker.</summary>
        JobApplication,
        /// <summary>{JobNumber}: a published offer of an establishment of office 13010 and one of office 27010, owned by that office's
        /// staff (求人充足サービス, R-CHG-3).</summary>
        OfficeJob,
        /// <summary>{Code}/{code}, {Prefecture}, {fiscalYear}: office 13010 in 東京都 and the current fiscal year: the public monthly publication
        /// (R-EVAL-2, aggregates only: nobody owns it).</summary>
        PublicOffice,
        /// <summary>{Code}: office 13010 (東京都, owned by bureau1: 東京労働局) and office 27010 (大阪府, owned by bureau2): a labour bureau's
        /// pages of its own prefecture's offices (R-EVAL-1, R-EVAL-3).</summary>
        BureauOffice,
    }

    public sealed record Row(string Route, Objects Objects, string Cells, string? Query = null);

    private static Row R(string route, Objects objects, string cells, string? query = null) => new(route, objects, cells, query);

    public static readonly IReadOnlyList<Row> Rows =
    [
        //  route                                                    objects                       anon    jobseeker    employer     staff        agency  admin   bureau
        // Public pages.
        R("PAGE /",                                                  Objects.None,                "ok      home         home         home         home    home    home"),
        R("PAGE /search",                                            Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /jobs/{JobNumber}",                                  Objects.PublishedJob,        "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Account/Login",                                     Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Account/Register",                                  Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Account/RegisterEmployer",                          Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Account/RegisterAgency",                            Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        // 利用規約 and プライバシーポリシー, agreed to at registration: public (issue 25).
        R("PAGE /terms",                                             Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /privacy",                                           Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        // 利用団体IDで検索 (seed 003): public; only approved agencies are found (AgencyProvisionTests).
        R("PAGE /agencies/lookup",                                   Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        // Mail (R-MAIL-2): the reset request (the same answer for every address), the reset and confirmation links
        // (without a token: "this link is invalid"; with tokens: HelloWork.Tests/Host/Mail/MailTests).
        R("PAGE /Account/ForgotPassword",                            Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Account/ResetPassword",                             Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Account/ConfirmEmail",                              Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        // ハローワーク総合評価 (R-EVAL-2..4): the monthly publication, its open data and the questionnaire are public (aggregate counts only;
        // the questionnaire keeps nobody's identity: HelloWork.Tests/Components/EvaluationPageTests).
        R("PAGE /evaluation",                                        Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /evaluation/prefectures/{Prefecture}",               Objects.PublicOffice,        "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /evaluation/offices/{Code}",                         Objects.PublicOffice,        "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /survey",                                            Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /open-data/evaluation/{fiscalYear:int}/{code}.csv",   Objects.PublicOffice,        "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /open-data/evaluation/{fiscalYear:int}/{code}.json",  Objects.PublicOffice,        "ok      ok           ok           ok           ok      ok      ok"),
        // 通知メールの設定: every signed-in account, its own settings only (the page names no object).
        R("PAGE /account/mail",                                      Objects.None,                "login   ok           ok           ok           ok      ok      ok"),
        // One-click unsubscribe by the key in the mail (R-MAIL-3): a made-up key finds no one (the page says so; the POST is 404);
        // a real key's effect: MailTests.
        R("PAGE /mail/unsubscribe/{Key}",                            Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /mail/one-click/{key}",                               Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("POST /mail/one-click/{key}",                              Objects.None,                "404     404          404          404          404     404     404"),
        // Bounce intake (delivery status notifications piped in by the mail server): only with the configured key, which no
        // visitor has (the matrix portal configures none: closed, 404 for all). With the key: MailBounceTests.
        R("POST /mail/bounces",                                      Objects.None,                "404     404          404          404          404     404     404"),
        R("PAGE /Account/AccessDenied",                              Objects.None,                "denied  denied       denied       denied       denied  denied  denied"),
        // パスワード変更: every signed-in account, its own password only (the page names no object).
        R("PAGE /Account/ChangePassword",                            Objects.None,                "login   ok           ok           ok           ok      ok      ok"),
        // ログインとセキュリティ: 二段階認証 and すべての端末からログアウト of the signed-in account itself (no object).
        R("PAGE /Account/Security",                                  Objects.None,                "login   ok           ok           ok           ok      ok      ok"),
        // The second step of sign-in: without Identity's two-factor cookie of a password step it only says to sign in again.
        R("PAGE /Account/LoginWith2fa",                              Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /Error",                                             Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /form-expired",                                      Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("PAGE /not-found",                                         Objects.None,                "404     404          404          404          404     404     404"),
        R("PAGE /notices",                                           Objects.None,                "login   ok           ok           ok           ok      ok      ok"),
        // 求職者マイページ.
        R("PAGE /jobseeker",                                         Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/access-log",                              Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/applications",                            Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/applications/{Id:guid}",                  Objects.Application,         "login   ok/404       denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/guidance",                                Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/messages",                                Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/profile",                                 Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/referrals",                               Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        // 求職申込書 (R-REG-1, R-ACC-2): the signed-in person's own form only (no id in the route; {Step} is a screen number).
        R("PAGE /jobseeker/application",                             Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/application/{Step:int}",                  Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/saved",                                   Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobs/{JobNumber}/apply",                            Objects.PublishedJob,        "login   ok           denied       denied       denied  denied  denied"),
        // ハロートレーニング, イベント, 職業相談の予約: every jobseeker sees every office's events and courses; a booking and an
        // appointment are only ever the signed-in person's own (no id in the route; refusals by id: HelloWork.Tests/Domain/Bookings/BookingRuleTests).
        R("PAGE /jobseeker/training",                                Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/training/{Id:guid}",                      Objects.TrainingCourse,      "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/events",                                  Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/events/{Id:guid}",                        Objects.OfficeEvent,         "login   ok           denied       denied       denied  denied  denied"),
        R("PAGE /jobseeker/appointments",                            Objects.None,                "login   ok           denied       denied       denied  denied  denied"),
        // 求人者マイページ. Another establishment's offer or applicant is not found, exactly like a missing one (R-ACC-4).
        R("PAGE /employer",                                          Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        R("PAGE /employer/offers",                                   Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        R("PAGE /employer/offers/{Id:guid}",                         Objects.EmployerOffer,       "login   denied       ok/404       denied       denied  denied  denied"),
        R("PAGE /employer/offers/{Id:guid}/edit/{Screen:int}",       Objects.EmployerOffer,       "login   denied       ok/404       denied       denied  denied  denied"),
        R("PAGE /employer/establishment",                            Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        R("PAGE /employer/establishment/users",                      Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        R("PAGE /employer/talent",                                   Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        // Without a profile token (?p=…, bound to the establishment that searched: HelloWork.Tests/Employer/ProfileSearchHttpTests) nothing is found.
        R("PAGE /employer/talent/profile",                           Objects.None,                "login   denied       404          denied       denied  denied  denied"),
        R("PAGE /employer/talent/requests",                          Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        R("PAGE /employer/applicants",                               Objects.None,                "login   denied       ok           denied       denied  denied  denied"),
        R("PAGE /employer/applicants/{Id:guid}",                     Objects.Application,         "login   denied       ok/404       denied       denied  denied  denied"),
        // 職員コンソール.
        R("PAGE /staff",                                             Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/audit",                                       Objects.None,                "login   denied       denied       sup          denied  denied  denied"),
        R("PAGE /staff/figures",                                     Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/jobseekers",                                  Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/referrals",                                   Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/referrals/new",                               Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        // 求職申込みの受付 (R-REG-2): the office's own queue; one opened by its 受付番号 is the chosen office's only (another office: not found).
        R("PAGE /staff/applications",                                Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/applications/{ReceiptNumber}",                Objects.JobApplication,      "login   denied       denied       ok/404       denied  denied  denied"),
        R("PAGE /staff/review",                                      Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        // The office's own courses, events (another office's event is not found) and the day's appointments.
        R("PAGE /staff/training",                                    Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/events",                                      Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/events/{Id:guid}",                            Objects.OfficeEvent,         "login   denied       denied       ok/404       denied  denied  denied"),
        // 求人充足サービス (R-CHG-3): staff of the offer's office only; another office's offer looks missing (R-ACC-4).
        R("PAGE /staff/fill",                                        Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        R("PAGE /staff/fill/{JobNumber}",                            Objects.OfficeJob,           "login   denied       denied       ok/404       denied  denied  denied"),
        R("PAGE /staff/appointments",                                Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        // 利用団体.
        R("PAGE /agency",                                            Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        R("PAGE /agency/keys",                                       Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        R("PAGE /agency/profiles",                                   Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        // Without a profile token (?p=…, the agency's own: HelloWork.Tests/Integration/ProvisionEndpointTests) nothing is found.
        R("PAGE /agency/profiles/profile",                           Objects.None,                "login   denied       denied       denied       404     denied  denied"),
        R("PAGE /agency/usage",                                      Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        // The agency's guidance threads (its own only, by its own tokens), downloads and placement reports.
        R("PAGE /agency/guidance",                                   Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        R("PAGE /agency/data",                                       Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        R("PAGE /agency/placements",                                 Objects.None,                "login   denied       denied       denied       ok      denied  denied"),
        // The office's evaluation targets (set by supervisors only: the form is not shown to other staff, EvaluationPageTests) and its
        // users' satisfaction (R-EVAL-1, R-EVAL-4).
        R("PAGE /staff/evaluation",                                  Objects.None,                "login   denied       denied       ok           denied  denied  denied"),
        // 労働局 (R-EVAL-1, R-EVAL-3): its own prefecture's offices only; another prefecture's office looks missing (R-ACC-4; the refusals of
        // approving, returning and following another prefecture's office: BureauOversightTests).
        R("PAGE /bureau",                                            Objects.None,                "login   denied       denied       denied       denied  denied  ok"),
        R("PAGE /bureau/offices/{Code}",                             Objects.BureauOffice,        "login   denied       denied       denied       denied  denied  ok/404"),
        // 管理者.
        R("PAGE /admin",                                             Objects.None,                "login   denied       denied       denied       denied  ok      denied"),
        R("PAGE /admin/accounts",                                    Objects.None,                "login   denied       denied       denied       denied  ok      denied"),
        R("PAGE /admin/mail",                                        Objects.None,                "login   denied       denied       denied       denied  ok      denied"),
        // 利用団体の承認 (R-AGY-1).
        R("PAGE /admin/agencies",                                    Objects.None,                "login   denied       denied       denied       denied  ok      denied"),
        // 地域別最低賃金 (R-LAW-1): the shipped table and the administrators' additions (HelloWork.Tests/Domain/Law/LawCheckerTests: refusals).
        // 総合評価の実施 (R-EVAL-3): administrators only (BureauOversightTests: the run's own refusals).
        R("PAGE /admin/evaluation",                                  Objects.None,                "login   denied       denied       denied       denied  ok      denied"),
        R("PAGE /admin/minimum-wages",                               Objects.None,                "login   denied       denied       denied       denied  ok      denied"),

        // Documents and files.
        R("GET /documents/referral-slips/{id:guid}.pdf",             Objects.ReferralSlip,        "login   ok/404       ok/404       ok/404       404     404     404"),
        R("GET /documents/application-documents/{id:guid}",          Objects.ApplicationDocument, "login   ok/404       ok/404       404          404     404     404"),
        // An agency's application documents: the agency itself and the administrators who review it (R-AGY-1, R-ACC-4;
        // HelloWork.Tests/Domain/Agencies/AgencyDocumentTests: the refusals in the domain).
        R("GET /documents/agency-documents/{id:guid}",               Objects.AgencyDocument,      "login   404          404          404          ok/404  ok      404"),
        // The selected rows of the applicant grid as CSV (ids in the query; any foreign or unknown id → 404 for the whole request,
        // HelloWork.Tests/Host/Http/ApplicantExportTests); without ids there is nothing to export (422).
        R("GET /employer/applicants.csv",                            Objects.None,                "login   404          422          404          404     404     404"),
        // An establishment's picture is public while it has an open offer showing its name (employer1's demo pictures); the
        // hidden case (no public offer, scope 3) is covered by HelloWork.Tests/Employer/EstablishmentProfileTests.
        R("GET /establishment-images/{id:guid}",                     Objects.PublicEstablishmentImage, "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /documents/job-sheets/{jobNumber}.pdf",               Objects.PublishedJob,        "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /staff/scorecards/{fiscalYear:int}/{quarter:int}.csv", Objects.FiscalQuarter,      "login   denied       denied       ok           denied  denied  denied"),
        R("GET /staff/scorecards/{fiscalYear:int}/{quarter:int}.pdf", Objects.FiscalQuarter,      "login   denied       denied       ok           denied  denied  denied"),
        // Data API: X-Api-Key only (an agency account uses a key of its own agency; everyone else has none).
        R("GET /api/v1/provision/job-offers",                        Objects.None,                "login   login        login        login        ok      login   login", "pageSize=5"),
        R("GET /api/v1/provision/jobseekers",                        Objects.None,                "login   login        login        login        ok      login   login", "pageSize=20"),
        // One profile by the agency's own token; another agency's token is not found (R-AGY-2).
        R("GET /api/v1/provision/jobseekers/{token}",                Objects.AgencyProfileToken,  "login   login        login        login        ok/404  login   login"),
        // The same files from the agency's pages (signed-in agency users, no key): the agency's own agency only.
        R("GET /agency/downloads/job-offers",                        Objects.None,                "login   denied       denied       denied       ok      denied  denied", "format=csv"),
        R("GET /agency/downloads/jobseekers",                        Objects.None,                "login   denied       denied       denied       ok      denied  denied", "format=csv"),
        // Doors and plumbing.
        // The jobseeker's own API (bearer only): the matrix posts an empty JSON object, so a jobseeker gets 400 (the message text
        // is checked first, the same 400 for any id, so it tells nothing about someone else's application; with a text a foreign
        // id is 404: HelloWork.Tests/Jobseeker/MeEndpointTests); other roles are refused before anything is read.
        R("POST /api/v1/me/applications",                            Objects.None,                "login   400          denied       denied       denied  denied  denied"),
        R("POST /api/v1/me/applications/{id}/messages",              Objects.Application,         "login   400          denied       denied       denied  denied  denied"),
        // Bookings through the same API (R-EVT-1, R-APT-1): the empty object lacks eventId / slotId (400 for a jobseeker); an event is
        // every jobseeker's to see (as on /jobseeker/events/{Id}), other roles are refused first. Races: HelloWork.Tests/Host/Live/BookingScaleOutTests.
        R("GET /api/v1/me/events/{Id}",                              Objects.OfficeEvent,         "login   ok           denied       denied       denied  denied  denied"),
        R("POST /api/v1/me/event-bookings",                          Objects.None,                "login   400          denied       denied       denied  denied  denied"),
        R("POST /api/v1/me/appointments",                            Objects.None,                "login   400          denied       denied       denied  denied  denied"),
        R("POST /api/auth/login",                                    Objects.None,                "login   ok           ok           ok           ok      ok      ok"),
        R("POST /Account/Logout",                                    Objects.None,                "400     400          400          400          400     400     400"),
        R("GET /culture",                                            Objects.None,                "ok      ok           ok           ok           ok      ok      ok", "culture=ja-JP&returnUrl=/"),
        R("GET /health",                                             Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /openapi/{documentName}.json",                        Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("ANY /hubs/live/negotiate",                               Objects.None,                "login   ok           ok           ok           ok      ok      ok", "negotiateVersion=1"),
        R("ANY /hubs/live",                                          Objects.None,                "login   400          400          400          400     400     400"),
        R("ANY /_blazor/negotiate",                                 Objects.None,                "ok      ok           ok           ok           ok      ok      ok", "negotiateVersion=1"),
        R("ANY /_blazor",                                            Objects.None,                "400     400          400          400          400     400     400"),
        R("ANY /_blazor/disconnect",                                Objects.None,                "400     400          400          400          400     400     400"),
        R("GET /{**path:file}",                                      Objects.None,                "404     404          404          404          404     404     404"),
        R("ANY /_blazor/initializers",                               Objects.None,                "ok      ok           ok           ok           ok      ok      ok"),
        R("GET /_framework/opaque-redirect",                         Objects.None,                "400     400          400          400          400     400     400"),

        // Hub methods of /hubs/live (LiveHub), called with the account's own recipient keys and every other account's keys.
        R("HUB /hubs/live Recipients",                               Objects.None,                "login   ok           ok           ok           ok      ok      ok"),
        R("HUB /hubs/live Join",                                     Objects.RecipientKey,        "login   ok/denied    ok/denied    ok/denied    ok/denied ok/denied ok/denied"),
        R("HUB /hubs/live CatchUp",                                  Objects.RecipientKey,        "login   ok/denied    ok/denied    ok/denied    ok/denied ok/denied ok/denied"),
        R("HUB /hubs/live CatchUpStream",                            Objects.RecipientKey,        "login   ok/denied    ok/denied    ok/denied    ok/denied ok/denied ok/denied"),
    ];

    public static readonly string[] Columns = ["anonymous", "Jobseeker", "Employer", "Staff", "Agency", "Admin", "Bureau"];

    /// <summary>The expected outcome of <paramref name="row"/> for a column, for an own or a foreign object.</summary>
    public static string Expected(Row row, string column, bool own, bool supervisor = false)
    {
        var cells = row.Cells.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length != Columns.Length)
        {
            throw new InvalidOperationException($"Row {row.Route} has {cells.Length} cells, not {Columns.Length}.");
        }
        var cell = cells[Array.IndexOf(Columns, column)];
        var parts = cell.Split('/');
        var outcome = parts.Length == 1 ? parts[0] : own ? parts[0] : parts[1];
        return outcome == "sup" ? supervisor ? "ok" : "denied" : outcome;
    }
}
