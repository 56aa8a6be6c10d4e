namespace HelloWork.Domain.Audit;

/// <summary>The actions written to the audit log (R-AUD-1); the staff audit page shows them by these names.</summary>
public static class AuditActions
{
    public const string AgencyStatusChanged = nameof(AgencyStatusChanged);
    public const string ApiKeyCreated = nameof(ApiKeyCreated);
    public const string ApiKeyRevoked = nameof(ApiKeyRevoked);
    public const string ApplicantsExported = nameof(ApplicantsExported);
    public const string ApplicationCancelled = nameof(ApplicationCancelled);
    public const string ApplicationCreated = nameof(ApplicationCreated);
    public const string ApplicationDocumentViewed = nameof(ApplicationDocumentViewed);
    public const string AuditLogViewed = nameof(AuditLogViewed);
    public const string CounterReferral = nameof(CounterReferral);
    public const string DirectRequestDeclined = nameof(DirectRequestDeclined);
    public const string DirectRequestSent = nameof(DirectRequestSent);
    public const string DocumentsDeleted = nameof(DocumentsDeleted);
    public const string DocumentsDeletedAfterDeadline = nameof(DocumentsDeletedAfterDeadline);
    public const string EmailChangeRequested = nameof(EmailChangeRequested);
    public const string EstablishmentConfirmed = nameof(EstablishmentConfirmed);
    public const string EstablishmentImageAdded = nameof(EstablishmentImageAdded);
    public const string EstablishmentImageApproved = nameof(EstablishmentImageApproved);
    public const string EstablishmentImageCaptioned = nameof(EstablishmentImageCaptioned);
    public const string EstablishmentImageDeleted = nameof(EstablishmentImageDeleted);
    public const string EstablishmentImageMoved = nameof(EstablishmentImageMoved);
    public const string EstablishmentImageRefused = nameof(EstablishmentImageRefused);
    public const string EstablishmentImageReplaced = nameof(EstablishmentImageReplaced);
    public const string EstablishmentPrUpdated = nameof(EstablishmentPrUpdated);
    public const string EstablishmentUserAdded = nameof(EstablishmentUserAdded);
    public const string EstablishmentUserRemoved = nameof(EstablishmentUserRemoved);
    public const string FacilityTargetsSaved = nameof(FacilityTargetsSaved);
    public const string JobseekerLookupNoMatch = nameof(JobseekerLookupNoMatch);
    public const string JobseekerOutsideOfficeAccessed = nameof(JobseekerOutsideOfficeAccessed);
    public const string JobseekerRegisteredAtOffice = nameof(JobseekerRegisteredAtOffice);
    public const string MailPreferenceChanged = nameof(MailPreferenceChanged);
    public const string MailBounced = nameof(MailBounced);
    public const string MailResent = nameof(MailResent);
    public const string MailUnsubscribed = nameof(MailUnsubscribed);
    public const string MatchingListed = nameof(MatchingListed);
    public const string MatchingViewed = nameof(MatchingViewed);
    public const string MinimumWageAdded = nameof(MinimumWageAdded);
    public const string OfferAccepted = nameof(OfferAccepted);
    public const string OfferClosed = nameof(OfferClosed);
    public const string OfferCopied = nameof(OfferCopied);
    public const string OfferCreated = nameof(OfferCreated);
    public const string OfferExpired = nameof(OfferExpired);
    public const string OfferExtended = nameof(OfferExtended);
    public const string OfferReturned = nameof(OfferReturned);
    public const string OfferSaved = nameof(OfferSaved);
    public const string OfferSubmitted = nameof(OfferSubmitted);
    public const string PasswordChanged = nameof(PasswordChanged);
    public const string PasswordResetRequested = nameof(PasswordResetRequested);
    public const string ProfileProvided = nameof(ProfileProvided);
    public const string ReferralDeclined = nameof(ReferralDeclined);
    public const string ReferralSent = nameof(ReferralSent);
    public const string ReferralSlipViewed = nameof(ReferralSlipViewed);
    public const string ResultRegistered = nameof(ResultRegistered);
}
