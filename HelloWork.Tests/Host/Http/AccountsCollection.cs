namespace HelloWork.Tests.Host.Http;

/// <summary>Tests that create accounts run one after another, so that counting the users in the database proves
/// "nothing was created" without another test's registration in between.</summary>
[CollectionDefinition(Name)]
public sealed class AccountsCollection
{
    public const string Name = "Accounts";
}
