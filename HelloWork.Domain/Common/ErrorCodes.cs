namespace HelloWork.Domain.Common;

/// <summary>The codes of <see cref="DomainException"/>: each is also the resource key of its message (Japanese and English) in the web app.</summary>
public static class ErrorCodes
{
    public const string AgencyNotApproved = nameof(AgencyNotApproved);
    public const string AgencyNotFound = nameof(AgencyNotFound);
    public const string AgencyNotPending = nameof(AgencyNotPending);
    public const string AgencyNotReturned = nameof(AgencyNotReturned);
    public const string AlreadyApplied = nameof(AlreadyApplied);
    public const string AlreadyBooked = nameof(AlreadyBooked);
    public const string AlreadyConfirmed = nameof(AlreadyConfirmed);
    public const string AlreadyExtended = nameof(AlreadyExtended);
    public const string AlreadyRegisteredAtOffice = nameof(AlreadyRegisteredAtOffice);
    public const string ApplicationNotInSelection = nameof(ApplicationNotInSelection);
    public const string AppointmentCancelClosed = nameof(AppointmentCancelClosed);
    public const string AttendanceBeforeStart = nameof(AttendanceBeforeStart);
    public const string BirthDateOutOfRange = nameof(BirthDateOutOfRange);
    public const string BookingAlreadyCancelled = nameof(BookingAlreadyCancelled);
    public const string CancelWindowClosed = nameof(CancelWindowClosed);
    public const string CannotDisableSelf = nameof(CannotDisableSelf);
    public const string DateFormat = nameof(DateFormat);
    public const string CapacityBelowBookings = nameof(CapacityBelowBookings);
    public const string CounsellorNotInOffice = nameof(CounsellorNotInOffice);
    public const string CourseNotFound = nameof(CourseNotFound);
    public const string DateRangeReversed = nameof(DateRangeReversed);
    public const string DeadlineAfterValidity = nameof(DeadlineAfterValidity);
    public const string DeadlineInPast = nameof(DeadlineInPast);
    public const string DisabilityGradeWithoutCertificate = nameof(DisabilityGradeWithoutCertificate);
    public const string DiscrepancyNeedsNote = nameof(DiscrepancyNeedsNote);
    public const string DocumentsNotAccepted = nameof(DocumentsNotAccepted);
    public const string EmailFormat = nameof(EmailFormat);
    public const string EmailTaken = nameof(EmailTaken);
    public const string EmailUnchanged = nameof(EmailUnchanged);
    public const string EstablishmentNotConfirmed = nameof(EstablishmentNotConfirmed);
    public const string EventAlreadyCancelled = nameof(EventAlreadyCancelled);
    public const string EventAlreadyStarted = nameof(EventAlreadyStarted);
    public const string EventAttendanceBeforeStart = nameof(EventAttendanceBeforeStart);
    public const string EventBookingNotConfirmed = nameof(EventBookingNotConfirmed);
    public const string EventCancelClosed = nameof(EventCancelClosed);
    public const string EventClosed = nameof(EventClosed);
    public const string EventCutOffAfterStart = nameof(EventCutOffAfterStart);
    public const string EventFull = nameof(EventFull);
    public const string EventNeedsPlaceOrLink = nameof(EventNeedsPlaceOrLink);
    public const string FileEmpty = nameof(FileEmpty);
    public const string FileTooLarge = nameof(FileTooLarge);
    public const string FileTypeNotAccepted = nameof(FileTypeNotAccepted);
    public const string GuidanceDailyCapReached = nameof(GuidanceDailyCapReached);
    public const string GuidanceNoQuestion = nameof(GuidanceNoQuestion);
    public const string GuidanceRefusedByJobseeker = nameof(GuidanceRefusedByJobseeker);
    public const string HiringDateOutOfRange = nameof(HiringDateOutOfRange);
    public const string HiringDateRequired = nameof(HiringDateRequired);
    public const string ImageAlreadyReviewed = nameof(ImageAlreadyReviewed);
    public const string ImageChangedSinceShown = nameof(ImageChangedSinceShown);
    public const string ImageNotFound = nameof(ImageNotFound);
    public const string ImageTooLarge = nameof(ImageTooLarge);
    public const string ImageTypeNotAccepted = nameof(ImageTypeNotAccepted);
    public const string InvalidCharacters = nameof(InvalidCharacters);
    public const string InvalidChoice = nameof(InvalidChoice);
    public const string InvalidUrl = nameof(InvalidUrl);
    public const string JobSerialExhausted = nameof(JobSerialExhausted);
    public const string JobseekerNotFound = nameof(JobseekerNotFound);
    public const string JobseekerNotRegisteredAtOffice = nameof(JobseekerNotRegisteredAtOffice);
    public const string JobseekerRegistrationInvalid = nameof(JobseekerRegistrationInvalid);
    public const string JobseekerSerialExhausted = nameof(JobseekerSerialExhausted);
    public const string KanaKatakanaOnly = nameof(KanaKatakanaOnly);
    public const string LastUserCannotBeRemoved = nameof(LastUserCannotBeRemoved);
    public const string LicenseNumberRequired = nameof(LicenseNumberRequired);
    public const string MailNotResendable = nameof(MailNotResendable);
    public const string NameInvalidCharacters = nameof(NameInvalidCharacters);
    public const string OfferHasErrors = nameof(OfferHasErrors);
    public const string OfferNotEditable = nameof(OfferNotEditable);
    public const string OfferNotDraft = nameof(OfferNotDraft);
    public const string OfferNotFound = nameof(OfferNotFound);
    public const string OfferNotOpen = nameof(OfferNotOpen);
    public const string OfferNotSubmitted = nameof(OfferNotSubmitted);

    /// <summary>No change of the published offer is being edited (R-CHG-1).</summary>
    public const string OfferNotChanging = nameof(OfferNotChanging);

    /// <summary>The change is the published sheet itself: nothing to review (R-CHG-1).</summary>
    public const string OfferChangeEmpty = nameof(OfferChangeEmpty);

    /// <summary>No change of the offer awaits review (R-CHG-1).</summary>
    public const string OfferChangeNotSubmitted = nameof(OfferChangeNotSubmitted);

    /// <summary>求人充足サービス: the advice needs its text, a known kind and a date not in the future (R-CHG-3).</summary>
    public const string AdviceDateInFuture = nameof(AdviceDateInFuture);
    public const string OfficeCodeFormat = nameof(OfficeCodeFormat);
    public const string OnlyMainAccount = nameof(OnlyMainAccount);
    public const string OutOfRange = nameof(OutOfRange);
    public const string PageSizeOutOfRange = nameof(PageSizeOutOfRange);
    public const string PreRegistrationNotOpen = nameof(PreRegistrationNotOpen);
    public const string PreRegistrationIncomplete = nameof(PreRegistrationIncomplete);
    public const string IdentityNotChecked = nameof(IdentityNotChecked);
    public const string LeavingReasonMismatch = nameof(LeavingReasonMismatch);
    public const string PhoneFormat = nameof(PhoneFormat);
    public const string PostalCodeFormat = nameof(PostalCodeFormat);
    public const string ProfileNotFound = nameof(ProfileNotFound);
    public const string ProfileNotProvided = nameof(ProfileNotProvided);
    public const string ProfileSearchNeedsValidOffer = nameof(ProfileSearchNeedsValidOffer);
    public const string RangeReversed = nameof(RangeReversed);
    public const string ReasonRequired = nameof(ReasonRequired);
    public const string RecoveryCodeWrong = nameof(RecoveryCodeWrong);
    public const string ReferralAlreadyLive = nameof(ReferralAlreadyLive);
    public const string ReferralExpired = nameof(ReferralExpired);
    public const string ReferralNotFound = nameof(ReferralNotFound);
    public const string ReferralNotOpen = nameof(ReferralNotOpen);
    public const string RequestAlreadyAnswered = nameof(RequestAlreadyAnswered);
    public const string RequestAlreadySent = nameof(RequestAlreadySent);
    public const string RequestLimitReached = nameof(RequestLimitReached);
    public const string RequestNeedsSelfApplication = nameof(RequestNeedsSelfApplication);
    public const string Required = nameof(Required);
    public const string ResultAlreadyRegistered = nameof(ResultAlreadyRegistered);
    public const string ResultDeadlinePassed = nameof(ResultDeadlinePassed);
    public const string SelfApplicationNeedsAcknowledgement = nameof(SelfApplicationNeedsAcknowledgement);
    public const string SelfApplicationNotAccepted = nameof(SelfApplicationNotAccepted);
    public const string SkipNeedsReason = nameof(SkipNeedsReason);
    public const string SlotBookingClosed = nameof(SlotBookingClosed);
    public const string SlotExists = nameof(SlotExists);
    public const string SlotNotBooked = nameof(SlotNotBooked);
    public const string SlotTaken = nameof(SlotTaken);
    public const string TermsNotAccepted = nameof(TermsNotAccepted);
    public const string TooLong = nameof(TooLong);
    public const string TooManyAppointments = nameof(TooManyAppointments);
    public const string TooManyChoices = nameof(TooManyChoices);
    public const string TooManyFavourites = nameof(TooManyFavourites);
    public const string TooManyFiles = nameof(TooManyFiles);
    public const string TooManyImages = nameof(TooManyImages);
    public const string TooManyRequests = nameof(TooManyRequests);
    public const string TooManySavedSearches = nameof(TooManySavedSearches);
    public const string TooManyUsers = nameof(TooManyUsers);
    public const string TwoFactorCodeWrong = nameof(TwoFactorCodeWrong);
    public const string TwoFactorNotEnabled = nameof(TwoFactorNotEnabled);
    public const string TrainingDeadlineAfterStart = nameof(TrainingDeadlineAfterStart);
    public const string TrainingSelectionDateOutOfRange = nameof(TrainingSelectionDateOutOfRange);
}
