using HelloWork.Domain.Common;

namespace HelloWork.Domain.Accounts;

/// <summary>A Hello Work office (公共職業安定所). Its 5-digit code prefixes the job numbers it assigns (R-JOB-2).</summary>
public sealed class Office
{
    private Office() { }

    public Office(string code, string name, string prefecture, string address, string phone)
    {
        if (code.Length != 5 || !code.All(char.IsAsciiDigit))
        {
            throw new DomainException(ErrorCodes.OfficeCodeFormat, nameof(Code));
        }
        Id = Guid.NewGuid();
        Code = code;
        Name = name;
        Prefecture = prefecture;
        Address = address;
        Phone = phone;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Prefecture { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Phone { get; private set; } = "";

    /// <summary>Last job serial handed out by this office; incremented under the office row's concurrency token.</summary>
    public long LastJobSerial { get; private set; }

    /// <summary>Last jobseeker serial handed out by this office.</summary>
    public long LastJobseekerSerial { get; private set; }

    public uint Version { get; private set; }

    /// <summary>オンラインでの求職申込手続の完了: whether a 求職申込み finished online completes the registration and issues a 求職番号
    /// without a counter visit (R-REG-2). Off unless a supervisor of the office or an administrator turns it on.</summary>
    public bool CompletesApplicationsOnline { get; private set; }

    public void SetOnlineCompletion(bool allowed) => CompletesApplicationsOnline = allowed;

    /// <summary>The next job number of this office: <c>OOOOO-NNNNNNNN</c> (R-JOB-2).</summary>
    public string NextJobNumber()
    {
        if (LastJobSerial >= 99_999_999)
        {
            throw new DomainException(ErrorCodes.JobSerialExhausted);
        }
        LastJobSerial++;
        Version++;
        return $"{Code}-{LastJobSerial:D8}";
    }

    /// <summary>The next jobseeker number (求職番号) of this office: <c>OOOOO-9NNNNNNN</c>. The leading 9 keeps jobseeker numbers
    /// disjoint from job numbers of the same office, so the two can never be mistaken for each other.</summary>
    public string NextJobseekerNumber()
    {
        if (LastJobseekerSerial >= 9_999_999)
        {
            throw new DomainException(ErrorCodes.JobseekerSerialExhausted);
        }
        LastJobseekerSerial++;
        Version++;
        return $"{Code}-9{LastJobseekerSerial:D7}";
    }
}
