window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "marisol.penalver@harlowcountyso.gov",
      "createdVia" : "web",
      "username" : "mpenalver_ks",
      "accountId" : "1029384756",
      "createdAt" : "2012-05-06T14:22:31.000Z",
      "accountDisplayName" : "Marisol P."
    }
  }
]