window.YTD.profile.part0 = [
  {
    "profile" : {
      "description" : {
        "bio" : "Runner. Dog mom. Coffee snob. Views my own. IG: @marisol.p_ks",
        "website" : "",
        "location" : "Salina, KS"
      },
      "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1450000000000000000/abcd1234.jpg"
    }
  }
]