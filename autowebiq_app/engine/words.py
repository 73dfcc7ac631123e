"""The words of the interface (buttons, labels, messages) in the languages a brief can ask for.

English is complete; other languages translate what a visitor sees most, and fall back to
English for the rest. The runtime reads the same table (`AW.t`).
"""

from __future__ import annotations

ENGLISH = {
    "skip": "Skip to content", "menu": "Main", "home": "Home", "explore": "What you can do here",
    "why": "Why people use it", "visit": "Visit and contact", "where": "Where", "hours": "Opening hours",
    "contact": "Contact", "not_found": "Page not found", "not_found_text": "There is no page at this address.",
    "add": "Add", "save": "Save changes", "cancel": "Cancel", "confirm": "Confirm", "delete": "Delete",
    "edit": "Edit", "view": "View", "search": "Search", "all": "All", "sort": "Sort by", "newest": "Newest first",
    "oldest": "Oldest first", "previous": "Previous", "next": "Next", "page": "Page", "back": "Back to",
    "added": "added", "saved": "saved", "deleted": "deleted", "match": "match", "yes": "Yes", "no": "No",
    "like": "Like", "fix": "Please correct the highlighted fields.", "notfound": "not found",
    "add_to_cart": "Add to cart", "cart": "Cart", "checkout": "Checkout", "place_order": "Place order",
    "total": "Total", "quantity": "Quantity", "remove": "Remove", "order": "Order", "orders": "Orders",
    "book": "Book", "my_bookings": "My bookings", "print": "Print", "export_csv": "Export CSV",
    "name": "Name", "email": "Email", "message": "Message", "send": "Send", "comment": "Comment",
    "comments": "Comments", "post_comment": "Post comment", "date": "Date", "time": "Time", "read_more": "Read more",
}  # fmt: skip

_TRANSLATIONS = {
    "es": {
        "read_more": "Leer más",
        "skip": "Saltar al contenido", "menu": "Principal", "home": "Inicio", "explore": "Qué puedes hacer aquí",
        "why": "Por qué lo usan", "visit": "Visítanos", "where": "Dónde", "hours": "Horario", "contact": "Contacto",
        "not_found": "Página no encontrada", "not_found_text": "No hay ninguna página en esta dirección.",
        "add": "Añadir", "save": "Guardar cambios", "cancel": "Cancelar", "confirm": "Confirmar", "delete": "Eliminar",
        "edit": "Editar", "view": "Ver", "search": "Buscar", "all": "Todos", "sort": "Ordenar por",
        "add_to_cart": "Añadir al carrito", "cart": "Carrito", "checkout": "Pagar", "place_order": "Realizar pedido",
        "total": "Total", "quantity": "Cantidad", "book": "Reservar", "my_bookings": "Mis reservas", "name": "Nombre",
        "email": "Correo electrónico", "message": "Mensaje", "send": "Enviar", "comments": "Comentarios",
        "post_comment": "Publicar comentario", "date": "Fecha", "time": "Hora", "orders": "Pedidos", "order": "Pedido",
    },
    "fr": {
        "read_more": "Lire la suite",
        "skip": "Aller au contenu", "menu": "Principal", "home": "Accueil", "explore": "Ce que vous pouvez faire ici",
        "why": "Pourquoi nous choisir", "visit": "Nous trouver", "where": "Adresse", "hours": "Horaires",
        "contact": "Contact", "not_found": "Page introuvable", "not_found_text": "Aucune page à cette adresse.",
        "add": "Ajouter", "save": "Enregistrer", "cancel": "Annuler", "confirm": "Confirmer", "delete": "Supprimer",
        "edit": "Modifier", "view": "Voir", "search": "Rechercher", "all": "Tous", "sort": "Trier par",
        "add_to_cart": "Ajouter au panier", "cart": "Panier", "checkout": "Commander", "place_order": "Passer la commande",
        "total": "Total", "quantity": "Quantité", "book": "Réserver", "my_bookings": "Mes réservations", "name": "Nom",
        "email": "E-mail", "message": "Message", "send": "Envoyer", "comments": "Commentaires",
        "post_comment": "Publier", "date": "Date", "time": "Heure", "orders": "Commandes", "order": "Commande",
    },
    "pt": {
        "read_more": "Ler mais",
        "skip": "Saltar para o conteúdo", "menu": "Principal", "home": "Início", "explore": "O que pode fazer aqui",
        "why": "Porquê nós", "visit": "Visite-nos", "where": "Onde", "hours": "Horário", "contact": "Contacto",
        "not_found": "Página não encontrada", "not_found_text": "Não existe nenhuma página neste endereço.",
        "add": "Adicionar", "save": "Guardar", "cancel": "Cancelar", "confirm": "Confirmar", "delete": "Apagar",
        "edit": "Editar", "view": "Ver", "search": "Pesquisar", "all": "Todos", "sort": "Ordenar por",
        "add_to_cart": "Adicionar ao carrinho", "cart": "Carrinho", "checkout": "Finalizar compra",
        "place_order": "Fazer encomenda", "total": "Total", "quantity": "Quantidade", "book": "Reservar",
        "my_bookings": "As minhas reservas", "name": "Nome", "email": "Email", "message": "Mensagem", "send": "Enviar",
        "comments": "Comentários", "post_comment": "Publicar comentário", "date": "Data", "time": "Hora",
        "orders": "Encomendas", "order": "Encomenda",
    },
    "de": {
        "read_more": "Weiterlesen",
        "skip": "Zum Inhalt", "menu": "Hauptmenü", "home": "Startseite", "explore": "Was Sie hier tun können",
        "why": "Warum wir", "visit": "Besuchen Sie uns", "where": "Adresse", "hours": "Öffnungszeiten",
        "contact": "Kontakt", "not_found": "Seite nicht gefunden", "not_found_text": "Unter dieser Adresse gibt es keine Seite.",
        "add": "Hinzufügen", "save": "Speichern", "cancel": "Abbrechen", "confirm": "Bestätigen", "delete": "Löschen",
        "edit": "Bearbeiten", "view": "Ansehen", "search": "Suchen", "all": "Alle", "sort": "Sortieren nach",
        "add_to_cart": "In den Warenkorb", "cart": "Warenkorb", "checkout": "Zur Kasse", "place_order": "Bestellen",
        "total": "Summe", "quantity": "Menge", "book": "Buchen", "my_bookings": "Meine Buchungen", "name": "Name",
        "email": "E-Mail", "message": "Nachricht", "send": "Senden", "comments": "Kommentare",
        "post_comment": "Kommentieren", "date": "Datum", "time": "Uhrzeit", "orders": "Bestellungen", "order": "Bestellung",
    },
    "it": {
        "read_more": "Leggi di più",
        "skip": "Vai al contenuto", "menu": "Principale", "home": "Home", "explore": "Cosa puoi fare qui",
        "why": "Perché sceglierci", "visit": "Vieni a trovarci", "where": "Dove", "hours": "Orari", "contact": "Contatti",
        "not_found": "Pagina non trovata", "not_found_text": "Non c'è nessuna pagina a questo indirizzo.",
        "add": "Aggiungi", "save": "Salva", "cancel": "Annulla", "confirm": "Conferma", "delete": "Elimina",
        "edit": "Modifica", "view": "Vedi", "search": "Cerca", "all": "Tutti", "sort": "Ordina per",
        "add_to_cart": "Aggiungi al carrello", "cart": "Carrello", "checkout": "Cassa", "place_order": "Ordina",
        "total": "Totale", "quantity": "Quantità", "book": "Prenota", "my_bookings": "Le mie prenotazioni",
        "name": "Nome", "email": "Email", "message": "Messaggio", "send": "Invia", "comments": "Commenti",
        "post_comment": "Pubblica commento", "date": "Data", "time": "Ora", "orders": "Ordini", "order": "Ordine",
    },
}  # fmt: skip

# The quiz (features/quiz.js): one question at a time, a running score, a leaderboard.
QUIZ_ENGLISH = {
    "quiz.start": "Start quiz", "quiz.count": "{n} questions", "quiz.progress": "Question {k} of {n}",
    "score": "Score", "quiz.correct": "Correct!", "quiz.wrong": "Wrong — the answer is {answer}",
    "quiz.next": "Next question", "quiz.finish": "See my score", "quiz.restart": "Restart",
    "quiz.perfect": "perfect!", "your_name": "Your name", "save_score": "Save score", "leaderboard": "Leaderboard",
    "quiz.noscores": "No scores yet — be the first!", "quiz.saved": "Saved to the leaderboard.",
    "quiz.name_needed": "Please enter your name.",
}  # fmt: skip

_QUIZ_TRANSLATIONS = {
    "es": {
        "quiz.start": "Empezar el quiz", "quiz.count": "{n} preguntas", "quiz.progress": "Pregunta {k} de {n}",
        "score": "Puntuación", "quiz.correct": "¡Correcto!", "quiz.wrong": "Incorrecto — la respuesta es {answer}",
        "quiz.next": "Siguiente pregunta", "quiz.finish": "Ver mi puntuación", "quiz.restart": "Volver a empezar",
        "quiz.perfect": "¡perfecto!", "your_name": "Tu nombre", "save_score": "Guardar puntuación",
        "leaderboard": "Clasificación", "quiz.noscores": "Aún no hay puntuaciones: ¡sé el primero!",
        "quiz.saved": "Guardado en la clasificación.", "quiz.name_needed": "Escribe tu nombre.",
    },
    "fr": {
        "quiz.start": "Commencer le quiz", "quiz.count": "{n} questions", "quiz.progress": "Question {k} sur {n}",
        "score": "Score", "quiz.correct": "Correct !", "quiz.wrong": "Faux — la réponse est {answer}",
        "quiz.next": "Question suivante", "quiz.finish": "Voir mon score", "quiz.restart": "Recommencer",
        "quiz.perfect": "parfait !", "your_name": "Votre nom", "save_score": "Enregistrer le score",
        "leaderboard": "Classement", "quiz.noscores": "Pas encore de score : soyez le premier !",
        "quiz.saved": "Enregistré au classement.", "quiz.name_needed": "Indiquez votre nom.",
    },
    "pt": {
        "quiz.start": "Começar o quiz", "quiz.count": "{n} perguntas", "quiz.progress": "Pergunta {k} de {n}",
        "score": "Pontuação", "quiz.correct": "Certo!", "quiz.wrong": "Errado — a resposta é {answer}",
        "quiz.next": "Próxima pergunta", "quiz.finish": "Ver a minha pontuação", "quiz.restart": "Recomeçar",
        "quiz.perfect": "perfeito!", "your_name": "O seu nome", "save_score": "Guardar pontuação",
        "leaderboard": "Classificação", "quiz.noscores": "Ainda não há pontuações: seja o primeiro!",
        "quiz.saved": "Guardado na classificação.", "quiz.name_needed": "Escreva o seu nome.",
    },
    "de": {
        "quiz.start": "Quiz starten", "quiz.count": "{n} Fragen", "quiz.progress": "Frage {k} von {n}",
        "score": "Punkte", "quiz.correct": "Richtig!", "quiz.wrong": "Falsch — die Antwort ist {answer}",
        "quiz.next": "Nächste Frage", "quiz.finish": "Mein Ergebnis", "quiz.restart": "Neu starten",
        "quiz.perfect": "perfekt!", "your_name": "Ihr Name", "save_score": "Ergebnis speichern",
        "leaderboard": "Bestenliste", "quiz.noscores": "Noch keine Ergebnisse — seien Sie die erste Person!",
        "quiz.saved": "In der Bestenliste gespeichert.", "quiz.name_needed": "Bitte geben Sie Ihren Namen ein.",
    },
    "it": {
        "quiz.start": "Inizia il quiz", "quiz.count": "{n} domande", "quiz.progress": "Domanda {k} di {n}",
        "score": "Punteggio", "quiz.correct": "Giusto!", "quiz.wrong": "Sbagliato — la risposta è {answer}",
        "quiz.next": "Domanda successiva", "quiz.finish": "Vedi il punteggio", "quiz.restart": "Ricomincia",
        "quiz.perfect": "perfetto!", "your_name": "Il tuo nome", "save_score": "Salva il punteggio",
        "leaderboard": "Classifica", "quiz.noscores": "Ancora nessun punteggio: sii il primo!",
        "quiz.saved": "Salvato in classifica.", "quiz.name_needed": "Scrivi il tuo nome.",
    },
}  # fmt: skip

LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "de": "German", "it": "Italian"}


def words_for(language: str) -> dict[str, str]:
    """The interface words in `language`, English where it has no translation."""
    return ENGLISH | QUIZ_ENGLISH | _TRANSLATIONS.get(language, {}) | _QUIZ_TRANSLATIONS.get(language, {})
