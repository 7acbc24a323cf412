window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1400000000000000001",
      "fullText" : "Great turnout at the 5K today!",
      "expandedUrl" : "https://twitter.com/i/web/status/1400000000000000001"
    }
  }
]