// Each entry shows its reading time, once the page has loaded, at about 200 words a minute.
document.querySelectorAll("article.entry").forEach(function (article) {
  var words = article.querySelector(".body").textContent.trim().split(/\s+/).length;
  var note = article.querySelector(".reading-time");
  note.textContent = "\u00b7 " + Math.max(1, Math.round(words / 200)) + " min";
  note.hidden = false;
  article.classList.add("js-ready");
});
